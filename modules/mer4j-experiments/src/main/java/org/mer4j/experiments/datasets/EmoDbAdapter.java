package org.mer4j.experiments.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.DatasetAdapter;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestException;

/**
 * The Berlin Database of Emotional Speech (Burkhardt, Paeschke, Rolfes, Sendlmeier and Weiss,
 * "A Database of German Emotional Speech", Interspeech 2005): 535 acted German utterances by 10
 * speakers, 10 sentences, 7 emotions. Everything comes from the file names {@code SSTTTEV.wav}
 * (speaker, text code, emotion letter, version) and the dataset's documentation (speaker sex and
 * age, the sentences); no label file is needed. Reads {@code <root>/wav/*.wav} (or
 * {@code <root>/*.wav}). Clip id = file stem, subject = speaker code; metadata {@code gender},
 * {@code age}, {@code textCode}, {@code text}.
 */
public final class EmoDbAdapter implements DatasetAdapter {
    /** Name in configs. */
    public static final String NAME = "emodb";

    private static final Pattern FILE = Pattern.compile("(\\d\\d)([ab]\\d\\d)([WLEAFTN])([a-z])\\.wav");

    /** Emotion letters of the file names (German initials) to label names. */
    static final Map<String, String> EMOTIONS = Map.of("W", "anger", "L", "boredom", "E", "disgust", "A", "fear",
            "F", "happiness", "T", "sadness", "N", "neutral");

    /** Speaker code to {sex, age}, from the EmoDB documentation. */
    static final Map<String, String[]> SPEAKERS = Map.of(
            "03", new String[] {"male", "31"}, "08", new String[] {"female", "34"}, "09", new String[] {"female", "21"},
            "10", new String[] {"male", "32"}, "11", new String[] {"male", "26"}, "12", new String[] {"male", "30"},
            "13", new String[] {"female", "32"}, "14", new String[] {"female", "35"}, "15", new String[] {"male", "25"},
            "16", new String[] {"female", "31"});

    /** Text codes to the spoken sentences, from the EmoDB documentation. */
    static final Map<String, String> TEXTS = Map.of(
            "a01", "Der Lappen liegt auf dem Eisschrank.",
            "a02", "Das will sie am Mittwoch abgeben.",
            "a04", "Heute abend könnte ich es ihm sagen.",
            "a05", "Das schwarze Stück Papier befindet sich da oben neben dem Holzstück.",
            "a07", "In sieben Stunden wird es soweit sein.",
            "b01", "Was sind denn das für Tüten, die da unter dem Tisch stehen?",
            "b02", "Sie haben es gerade hochgetragen und jetzt gehen sie wieder runter.",
            "b03", "An den Wochenenden bin ich jetzt immer nach Hause gefahren und habe Agnes besucht.",
            "b09", "Ich will das eben wegbringen und dann mit Karl was trinken gehen.",
            "b10", "Die wird auf dem Platz sein, wo wir sie immer hinlegen.");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String expectedLayout() {
        return "the EmoDB folder with wav/SSTTTEV.wav files (e.g. wav/03a01Fa.wav)";
    }

    @Override
    public Manifest load(Path corpus, Path workDir) throws IOException {
        Path root = corpus.toAbsolutePath().normalize();
        Path wavDir = Files.isDirectory(root.resolve("wav")) ? root.resolve("wav") : root;
        if (!Files.isDirectory(wavDir)) {
            throw new ManifestException("data.root " + root + ": not a folder; give " + expectedLayout());
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(wavDir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".wav")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new ManifestException("data.root " + root + ": no .wav files in " + wavDir + "; give " + expectedLayout());
        }
        List<Clip> clips = new ArrayList<>();
        for (Path f : files) {
            clips.add(clip(root, f));
        }
        return new Manifest("emodb", root, clips);
    }

    private static Clip clip(Path root, Path file) {
        String name = file.getFileName().toString();
        Matcher m = FILE.matcher(name);
        if (!m.matches()) {
            throw new ManifestException(file + ": not an EmoDB file name; expected SSTTTEV.wav (speaker 2 digits, text code"
                    + " a01..b10, emotion letter one of " + EMOTIONS.keySet() + ", version letter). Move other files out of the folder");
        }
        String speaker = m.group(1);
        String[] sexAge = SPEAKERS.get(speaker);
        String text = TEXTS.get(m.group(2));
        if (sexAge == null || text == null) {
            throw new ManifestException(file + ": speaker '" + speaker + "' or text code '" + m.group(2)
                    + "' is not in the EmoDB documentation (speakers " + SPEAKERS.keySet() + ", texts " + TEXTS.keySet() + ")");
        }
        String id = name.substring(0, name.length() - 4);
        ClipLabels labels = new ClipLabels(EMOTIONS.get(m.group(3)), List.of(), null, null);
        return new Clip(id, speaker, null, root.relativize(file).toString(), null, labels, null,
                Map.of("gender", sexAge[0], "age", sexAge[1], "textCode", m.group(2), "text", text));
    }
}
