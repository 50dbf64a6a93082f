package org.mer4j.experiments.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.DatasetAdapter;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ryerson Audio-Visual Database of Emotional Speech and Song (Livingstone and Russo, "The
 * Ryerson Audio-Visual Database of Emotional Speech and Song (RAVDESS)", PLoS ONE 13(5), 2018;
 * Zenodo record 1188976) as distributed: the zips unpacked under {@code root}, e.g.
 * {@code Actor_01/03-01-05-01-02-01-01.wav} (Audio_Speech_Actors_01-24.zip, Audio_Song_...) and
 * {@code Video_Speech_Actor_01/Actor_01/01-01-05-01-02-01-01.mp4} (Video_Speech_Actor_01.zip,
 * Video_Song_...); any folder depth works. All labels come from the seven-field file name
 * {@code MM-VV-EE-II-SS-RR-AA} documented with the corpus: modality (01 full-AV, 02 video-only,
 * 03 audio-only), vocal channel (01 speech, 02 song), emotion (01 neutral, 02 calm, 03 happy, 04 sad,
 * 05 angry, 06 fearful, 07 disgust, 08 surprised), intensity (01 normal, 02 strong; neutral has no
 * strong), statement (01 "Kids are talking by the door", 02 "Dogs are sitting by the door"),
 * repetition (01, 02) and actor (01..24, odd male, even female). Song has no disgust or surprised.
 *
 * <p>One recording exists in up to three files (full-AV mp4, video-only mp4, audio-only wav: the same
 * take); a clip is one <em>recording</em>, id {@code VV-EE-II-SS-RR-AA} (the name without the modality
 * field), so two files of one take never become two clips. Option {@code media} chooses the files:
 * {@code auto} (default) takes the full-AV mp4 (else the video-only mp4) as video and the audio-only
 * wav, when there is one, as the audio (48 kHz PCM rather than the mp4's compressed track);
 * {@code full-av}, {@code video-only}, {@code audio-only} take only that kind of file. Option
 * {@code vocalChannel}: {@code speech} (default, the 8-class benchmark), {@code song} or {@code both}.
 * Subject = actor ({@code Actor_07}); metadata {@code gender}, {@code vocalChannel}, {@code intensity},
 * {@code statement}, {@code text}, {@code repetition}, {@code modality} (the files used, e.g.
 * {@code full-av+audio-only}).
 */
public final class RavdessAdapter implements DatasetAdapter {
    /** Name in configs. */
    public static final String NAME = "ravdess";

    private static final Logger LOG = LoggerFactory.getLogger(RavdessAdapter.class);
    private static final Pattern FILE = Pattern.compile("(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)\\.(\\w+)");
    private static final Pattern ACTOR_FOLDER = Pattern.compile("Actor_(\\d\\d)");

    /** Emotion codes in documented order. */
    static final List<String> EMOTIONS = List.of("neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised");
    static final Map<String, String> STATEMENTS = Map.of("01", "Kids are talking by the door", "02", "Dogs are sitting by the door");
    static final List<String> MEDIA = List.of("auto", "full-av", "video-only", "audio-only");
    static final List<String> CHANNELS = List.of("speech", "song", "both");
    private static final String[] MODALITIES = {null, "full-av", "video-only", "audio-only"};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String expectedLayout() {
        return "the RAVDESS zips unpacked into one folder, e.g. Actor_01/03-01-05-01-02-01-01.wav and"
                + " Video_Speech_Actor_01/Actor_01/01-01-05-01-02-01-01.mp4 (file names MM-VV-EE-II-SS-RR-AA)";
    }

    @Override
    public Manifest load(Path root, Path workDir) throws IOException {
        return load(root, workDir, Map.of());
    }

    @Override
    public Manifest load(Path corpus, Path workDir, Map<String, String> options) throws IOException {
        AdapterOptions o = AdapterOptions.of(NAME, options, "media", "vocalChannel");
        String media = o.choice("media", "auto", MEDIA);
        String channel = o.choice("vocalChannel", "speech", CHANNELS);
        Path root = CorpusFiles.folder(corpus, expectedLayout());
        // recording key -> modality index (1..3) -> file
        Map<String, Path[]> recordings = new TreeMap<>();
        Map<String, Matcher> names = new TreeMap<>();
        int foreign = 0;
        for (Path f : CorpusFiles.walk(root)) {
            String ext = CorpusFiles.extension(f);
            if (!ext.equals("wav") && !ext.equals("mp4")) {
                foreign++;
                continue;
            }
            Matcher m = FILE.matcher(f.getFileName().toString());
            if (!m.matches()) {
                throw new ManifestException(f + ": not a RAVDESS file name; expected MM-VV-EE-II-SS-RR-AA.wav or .mp4 (seven two-digit"
                        + " fields, e.g. 03-01-05-01-02-01-12.wav). Move other media out of data.root");
            }
            int modality = check(f, m);
            String key = m.group(2) + "-" + m.group(3) + "-" + m.group(4) + "-" + m.group(5) + "-" + m.group(6) + "-" + m.group(7);
            Path[] files = recordings.computeIfAbsent(key, k -> new Path[4]);
            if (files[modality] != null) {
                throw new ManifestException(f + ": the same RAVDESS file is also at " + files[modality]
                        + "; a zip was unpacked twice. Remove one copy");
            }
            files[modality] = f;
            names.putIfAbsent(key, m);
        }
        if (foreign > 0) {
            LOG.info("RAVDESS: {} files under {} are neither .wav nor .mp4 and were ignored", foreign, root);
        }
        List<Clip> clips = new ArrayList<>();
        int otherChannel = 0;
        int unusable = 0;
        for (Map.Entry<String, Path[]> e : recordings.entrySet()) {
            Matcher m = names.get(e.getKey());
            boolean song = m.group(2).equals("02");
            if (channel.equals("speech") && song || channel.equals("song") && !song) {
                otherChannel++;
                continue;
            }
            Clip c = clip(root, e.getKey(), m, e.getValue(), media);
            if (c == null) {
                unusable++;
            } else {
                clips.add(c);
            }
        }
        if (clips.isEmpty()) {
            throw new ManifestException("data.root " + root + ": no RAVDESS recording with " + media + " files and vocal channel " + channel
                    + " (" + recordings.size() + " recordings found, " + otherChannel + " of the other vocal channel, " + unusable
                    + " without the wanted files); give " + expectedLayout() + ", or change data.options.media / vocalChannel");
        }
        if (unusable > 0) {
            LOG.info("RAVDESS: {} recordings have no file for media '{}' and are not clips; {} clips kept", unusable, media, clips.size());
        }
        return new Manifest(NAME, root, clips, CorpusFiles.emotionClasses(EMOTIONS, clips));
    }

    /** Checks the documented codes of one file name; returns its modality (1..3). */
    private static int check(Path f, Matcher m) {
        int modality = code(f, m, 1, "modality", 1, 3);
        int channel = code(f, m, 2, "vocal channel", 1, 2);
        int emotion = code(f, m, 3, "emotion", 1, 8);
        int intensity = code(f, m, 4, "intensity", 1, 2);
        code(f, m, 5, "statement", 1, 2);
        code(f, m, 6, "repetition", 1, 2);
        int actor = code(f, m, 7, "actor", 1, 24);
        String ext = m.group(8).toLowerCase(java.util.Locale.ROOT);
        String wantExt = modality == 3 ? "wav" : "mp4";
        if (!ext.equals(wantExt)) {
            throw new ManifestException(f + ": modality " + m.group(1) + " (" + MODALITIES[modality] + ") is distributed as ." + wantExt
                    + ", not ." + ext + "; rename the file or move it out of data.root");
        }
        if (emotion == 1 && intensity == 2) {
            throw new ManifestException(f + ": emotion 01 (neutral) with intensity 02 (strong); RAVDESS has no strong neutral."
                    + " The file name is damaged; restore it from the original zip");
        }
        if (channel == 2 && emotion >= 7) {
            throw new ManifestException(f + ": song (vocal channel 02) with emotion " + m.group(3) + " (" + EMOTIONS.get(emotion - 1)
                    + "); RAVDESS song has no disgust or surprised. The file name is damaged; restore it from the original zip");
        }
        Path parent = f.getParent();
        Matcher folder = parent == null ? null : ACTOR_FOLDER.matcher(parent.getFileName().toString());
        if (folder != null && folder.matches() && Integer.parseInt(folder.group(1)) != actor) {
            throw new ManifestException(f + ": actor " + m.group(7) + " in the file name, but the file is in folder " + parent.getFileName()
                    + "; move it into Actor_" + m.group(7));
        }
        return modality;
    }

    private static int code(Path f, Matcher m, int group, String field, int min, int max) {
        int v = Integer.parseInt(m.group(group));
        if (v < min || v > max) {
            throw new ManifestException(f + ": field " + group + " (" + field + ") is " + m.group(group) + "; RAVDESS documents "
                    + String.format("%02d..%02d", min, max) + ". Move files that are not RAVDESS out of data.root");
        }
        return v;
    }

    /** The clip of one recording for the chosen media, or null when the recording lacks those files. */
    private static Clip clip(Path root, String key, Matcher m, Path[] files, String media) {
        Path video;
        Path audio;
        switch (media) {
            case "full-av" -> {
                video = files[1];
                audio = null;
            }
            case "video-only" -> {
                video = files[2];
                audio = null;
            }
            case "audio-only" -> {
                video = null;
                audio = files[3];
            }
            default -> {
                video = files[1] != null ? files[1] : files[2];
                audio = files[3];
            }
        }
        if (video == null && audio == null) {
            return null;
        }
        List<String> used = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            if (files[k] != null && (files[k] == video || files[k] == audio)) {
                used.add(MODALITIES[k]);
            }
        }
        int actor = Integer.parseInt(m.group(7));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("gender", actor % 2 == 1 ? "male" : "female");
        meta.put("vocalChannel", m.group(2).equals("01") ? "speech" : "song");
        meta.put("intensity", m.group(4).equals("01") ? "normal" : "strong");
        meta.put("statement", m.group(5));
        meta.put("text", STATEMENTS.get(m.group(5)));
        meta.put("repetition", m.group(6));
        meta.put("modality", String.join("+", used));
        String emotion = EMOTIONS.get(Integer.parseInt(m.group(3)) - 1);
        return new Clip(key, "Actor_" + m.group(7), video == null ? null : CorpusFiles.relative(root, video),
                audio == null ? null : CorpusFiles.relative(root, audio), null, new ClipLabels(emotion, List.of(), null, null), null, meta);
    }
}
