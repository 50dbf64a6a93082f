package org.mer4j.experiments.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The Extended Cohn-Kanade dataset (Lucey, Cohn, Kanade, Saragih, Ambadar and Matthews, "The Extended
 * Cohn-Kanade Dataset (CK+): A complete dataset for action unit and emotion-specified expression",
 * CVPR Workshops 2010) as distributed: {@code cohn-kanade-images/S005/001/S005_001_00000001.png ...}
 * (one folder per subject and sequence, neutral to peak) and
 * {@code Emotion/S005/001/S005_001_00000011_emotion.txt} holding one number (e.g.
 * {@code 3.0000000e+00}): 0 neutral, 1 anger, 2 contempt, 3 disgust, 4 fear, 5 happy, 6 sadness,
 * 7 surprise. Only 327 of the 593 sequences have an emotion file.
 *
 * <p>The media decoder reads video files, not image folders, so each sequence is encoded once into
 * {@code <workDir>/ckplus/<S>_<NNN>.avi} by {@link ImageSequenceEncoder} (lossless FFV1, bit-exact,
 * re-made only when the frames change) at option {@code fps} frames per second (default 30, the rate
 * the CK+ sequences were digitised at); the manifest's data root is {@code workDir}. Clip id
 * {@code S005_001}, subject {@code S005}, {@code duration} = frames / fps; metadata
 * {@code sequence}, {@code frames}, {@code peakFrame} (the frame number the emotion file names).
 * Option {@code unlabelled}: {@code exclude} (default) or {@code include} (sequences without an
 * emotion file become clips without a label, e.g. for self-supervised features).
 */
public final class CkPlusAdapter implements DatasetAdapter {
    /** Name in configs. */
    public static final String NAME = "ckplus";

    private static final Logger LOG = LoggerFactory.getLogger(CkPlusAdapter.class);
    private static final Pattern SUBJECT = Pattern.compile("S\\d{3}");
    private static final Pattern SEQUENCE = Pattern.compile("\\d{3}");
    private static final Pattern EMOTION_FILE = Pattern.compile("(S\\d{3})_(\\d{3})_(\\d{8})_emotion\\.txt");

    /** Emotion codes 0..7 of the CK+ documentation. */
    static final List<String> EMOTIONS = List.of("neutral", "anger", "contempt", "disgust", "fear", "happy", "sadness", "surprise");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String expectedLayout() {
        return "the CK+ folder with cohn-kanade-images/S005/001/S005_001_00000001.png ... and"
                + " Emotion/S005/001/S005_001_00000011_emotion.txt";
    }

    @Override
    public Manifest load(Path root, Path workDir) throws IOException {
        return load(root, workDir, Map.of());
    }

    @Override
    public Manifest load(Path corpus, Path workDir, Map<String, String> options) throws IOException {
        AdapterOptions o = AdapterOptions.of(NAME, options, "fps", "unlabelled");
        double fps = o.positive("fps", 30);
        boolean includeUnlabelled = o.choice("unlabelled", "exclude", List.of("exclude", "include")).equals("include");
        Path root = CorpusFiles.folder(corpus, expectedLayout());
        Path images = root.resolve("cohn-kanade-images");
        if (!Files.isDirectory(images)) {
            throw new ManifestException("data.root " + root + ": no cohn-kanade-images/ folder; give " + expectedLayout());
        }
        Path emotions = root.resolve("Emotion");
        if (!Files.isDirectory(emotions) && !includeUnlabelled) {
            throw new ManifestException("data.root " + root + ": no Emotion/ folder (unpack Emotion_labels.zip there), or set"
                    + " data.options.unlabelled: include to load the sequences without labels");
        }
        Path base = workDir.toAbsolutePath().normalize();
        Path videos = base.resolve("ckplus");
        ImageSequenceEncoder encoder = new ImageSequenceEncoder(fps);
        List<Clip> clips = new ArrayList<>();
        int unlabelled = 0;
        int encoded = 0;
        for (Path subject : CorpusFiles.folders(images)) {
            String s = subject.getFileName().toString();
            if (!SUBJECT.matcher(s).matches()) {
                throw new ManifestException(subject + ": not a CK+ subject folder (S005, S010, ...); move it out of cohn-kanade-images");
            }
            for (Path sequence : CorpusFiles.folders(subject)) {
                String q = sequence.getFileName().toString();
                if (!SEQUENCE.matcher(q).matches()) {
                    throw new ManifestException(sequence + ": not a CK+ sequence folder (001, 002, ...); move it out of " + subject);
                }
                Label label = label(emotions.resolve(s).resolve(q), s, q);
                if (label == null) {
                    unlabelled++;
                    if (!includeUnlabelled) {
                        continue;
                    }
                }
                List<Path> frames = frames(sequence, s, q);
                if (frames.isEmpty()) {
                    throw new ManifestException(sequence + ": no " + s + "_" + q + "_NNNNNNNN.png frames; restore the sequence from the original zip");
                }
                String id = s + "_" + q;
                Path video = videos.resolve(id + ".avi");
                if (encoder.encode(frames, video) == ImageSequenceEncoder.Outcome.ENCODED) {
                    encoded++;
                }
                Map<String, String> meta = new LinkedHashMap<>();
                meta.put("sequence", q);
                meta.put("frames", Integer.toString(frames.size()));
                if (label != null) {
                    meta.put("peakFrame", Integer.toString(label.frame()));
                }
                ClipLabels labels = new ClipLabels(label == null ? null : label.emotion(), List.of(), null, null);
                clips.add(new Clip(id, s, base.relativize(video).toString().replace('\\', '/'), null, null, labels, null, meta,
                        frames.size() / fps));
            }
        }
        LOG.info("CK+: {} clips ({} sequences without an emotion file {}), {} videos encoded into {}, the rest up to date", clips.size(),
                unlabelled, includeUnlabelled ? "included" : "left out", encoded, videos);
        if (clips.isEmpty()) {
            throw new ManifestException("data.root " + root + ": no CK+ sequence " + (includeUnlabelled ? "" : "with an emotion file ")
                    + "found; give " + expectedLayout());
        }
        return new Manifest(NAME, base, clips, CorpusFiles.emotionClasses(EMOTIONS, clips));
    }

    /** The emotion of a sequence and the frame its file names. */
    private record Label(String emotion, int frame) {
    }

    /** The sequence's emotion, or null when its Emotion folder is missing or empty (as for 266 CK+ sequences). */
    private static Label label(Path dir, String subject, String sequence) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path f : CorpusFiles.list(dir)) {
            if (f.getFileName().toString().endsWith("_emotion.txt")) {
                files.add(f);
            }
        }
        if (files.isEmpty()) {
            return null;
        }
        if (files.size() > 1) {
            throw new ManifestException(dir + ": " + files.size() + " emotion files; a CK+ sequence has at most one. Remove the extra ones");
        }
        Path f = files.get(0);
        Matcher m = EMOTION_FILE.matcher(f.getFileName().toString());
        if (!m.matches() || !m.group(1).equals(subject) || !m.group(2).equals(sequence)) {
            throw new ManifestException(f + ": expected the name " + subject + "_" + sequence + "_NNNNNNNN_emotion.txt");
        }
        String text = String.join(" ", CorpusFiles.lines(f)).strip();
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0 && v <= 7 && v == Math.rint(v))) {
            throw new ManifestException(f + ": holds " + org.mer4j.api.Excerpt.quote(text) + "; a CK+ emotion file holds one code 0..7"
                    + " (e.g. 3.0000000e+00 for disgust): " + EMOTIONS);
        }
        return new Label(EMOTIONS.get((int) v), Integer.parseInt(m.group(3)));
    }

    /** The sequence's PNG frames in order; other files (e.g. Thumbs.db) are ignored. */
    private static List<Path> frames(Path sequence, String subject, String q) throws IOException {
        Pattern frame = Pattern.compile(subject + "_" + q + "_\\d{8}\\.png");
        List<Path> out = new ArrayList<>();
        for (Path f : CorpusFiles.list(sequence)) {
            if (frame.matcher(f.getFileName().toString()).matches()) {
                out.add(f);
            } else if (CorpusFiles.extension(f).equals("png")) {
                throw new ManifestException(f + ": a PNG that is not a frame of " + subject + "/" + q + " (expected " + subject + "_" + q
                        + "_NNNNNNNN.png); move it out of the sequence folder");
            }
        }
        return out;
    }
}
