package org.mer4j.experiments.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.DatasetAdapter;
import org.mer4j.api.Excerpt;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestException;
import org.mer4j.api.TimeSegment;
import org.mer4j.media.MediaInfo;
import org.mer4j.media.MediaProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BAH, the Behavioural Ambivalence/Hesitancy dataset (González-González, Belharbi et al., "BAH
 * Dataset for Ambivalence/Hesitancy Recognition in Videos for Behavioural Change", 2025): webcam
 * videos of participants answering 7 questions, with video-level and frame-level A/H labels, Vosk
 * word transcripts and cropped faces. The layout read here, with each name a {@code data.options}
 * key (documented in {@code data-manifests/README.md}, section "BAH"):
 * <pre>
 * root/
 *   train.txt val.txt test.txt   official split files: &lt;video path&gt;,&lt;0|1&gt;,&lt;transcript&gt;  (splits, train, val, test)
 *   class_id.yaml                {With A-H: 1, No A-H: 0}                                    (classIds)
 *   video_annotation.yaml        &lt;video&gt;: {frame_annotation: [[frame, label], ...]}          (frameAnnotations; or a folder)
 *   Videos/&lt;pid&gt;/Visite_1/&lt;pid&gt;_Question_&lt;k&gt;_&lt;date&gt;_Video.mp4
 *   transcripts/&lt;pid&gt;/Visite_1/&lt;stem&gt;.csv  Vosk words start;end;word;confidence, ms         (transcripts)
 *   cropped_aligned/&lt;video path&gt;/    cropped aligned faces, optional                        (faces)
 * </pre>
 * One clip per split line: id = the video's file stem, subject = the participant id (the folder
 * after {@code Videos/}), split = the file it is listed in (so {@code protocol: {type: official}}
 * uses BAH's own split), {@code ahVideo} = the line's label, {@code ahSegments} = the runs of A/H
 * frames turned into seconds with the video's frame rate (read from the container, or
 * {@code fps}), duration from the container. The Vosk CSVs are mer4j's own word-transcript format
 * and are used in place. Metadata: {@code question}, {@code recorded}, {@code visit}, {@code text}
 * (the split file's transcript), {@code frameRate}, and {@code faces} (the cropped-face folder) when
 * present. Any malformed line, missing video, label other than 0/1 or frame past the end of its video
 * fails with the file and line named.
 */
public final class BahAdapter implements DatasetAdapter {
    /** Name in configs. */
    public static final String NAME = "bah";
    /** The split names, in order, with their option keys. */
    static final List<String> SPLITS = List.of("train", "val", "test");
    /** BAH's {@code class_id.yaml}. */
    static final Map<String, Integer> DEFAULT_CLASS_IDS = Map.of("No A-H", 0, "With A-H", 1);

    private static final Logger LOG = LoggerFactory.getLogger(BahAdapter.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern FILE_NAME = Pattern.compile("([^_/]+)_Question_(\\d+)_(.+?)_Video.*\\.[A-Za-z0-9]+");

    /**
     * The adapter's {@code data.options}, each a path relative to the corpus folder unless said otherwise.
     *
     * @param splits folder of the split files (default the corpus folder)
     * @param files split name to file name inside {@code splits} (defaults {@code train.txt}, {@code val.txt}, {@code test.txt})
     * @param classIds class file, relative to {@code splits}, else to the corpus folder (default {@code class_id.yaml})
     * @param frameAnnotations one YAML for all videos, or a folder of one YAML per video (default {@code video_annotation.yaml})
     * @param firstFrame the number of a video's first frame in the annotations, 0 or 1 (default 0)
     * @param fps frame rate the frame numbers count in; 0 (default) reads each video's own rate from its container
     * @param transcripts folder of the Vosk word CSVs (default {@code transcripts})
     * @param faces folder of the cropped faces (default {@code cropped_aligned})
     */
    record Options(String splits, Map<String, String> files, String classIds, String frameAnnotations, int firstFrame, double fps,
                   String transcripts, String faces) {
        static final List<String> KEYS = List.of("splits", "train", "val", "test", "classIds", "frameAnnotations", "firstFrame", "fps",
                "transcripts", "faces");

        static Options of(Map<String, String> o) {
            for (String k : o.keySet()) {
                if (!KEYS.contains(k)) {
                    throw new ManifestException("data.options." + k + ": unknown option of dataset adapter 'bah'; known: " + KEYS
                            + " (see data-manifests/README.md, section BAH)");
                }
            }
            Map<String, String> files = new LinkedHashMap<>();
            for (String s : SPLITS) {
                files.put(s, o.getOrDefault(s, s + ".txt"));
            }
            String first = o.getOrDefault("firstFrame", "0").strip();
            if (!first.equals("0") && !first.equals("1")) {
                throw new ManifestException("data.options.firstFrame: " + Excerpt.quote(first) + "; give 0 (BAH's frame numbers start"
                        + " at 0) or 1");
            }
            double fps;
            try {
                fps = Double.parseDouble(o.getOrDefault("fps", "0").strip());
            } catch (NumberFormatException e) {
                throw new ManifestException("data.options.fps: " + Excerpt.quote(o.get("fps")) + " is not a number; give frames per"
                        + " second, e.g. 30, or leave it out to read each video's rate");
            }
            if (!(fps >= 0 && fps <= 1000)) {
                throw new ManifestException("data.options.fps: " + fps + " is out of range; give frames per second (e.g. 30) or 0");
            }
            return new Options(o.getOrDefault("splits", "."), files, o.getOrDefault("classIds", "class_id.yaml"),
                    o.getOrDefault("frameAnnotations", "video_annotation.yaml"), Integer.parseInt(first), fps,
                    o.getOrDefault("transcripts", "transcripts"), o.getOrDefault("faces", "cropped_aligned"));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String expectedLayout() {
        return "the BAH folder: train.txt, val.txt, test.txt (<video path>,<0|1>,<transcript>), class_id.yaml, video_annotation.yaml"
                + " (frame_annotation per video), the Videos/<pid>/Visite_1/*.mp4 they name, optionally transcripts/ (Vosk CSVs) and"
                + " cropped_aligned/; other names through data.options (data-manifests/README.md, section BAH)";
    }

    @Override
    public Manifest load(Path root, Path workDir) throws IOException {
        return load(root, workDir, Map.of());
    }

    @Override
    public Manifest load(Path corpus, Path workDir, Map<String, String> options) throws IOException {
        long t0 = System.nanoTime();
        Path root = corpus.toAbsolutePath().normalize();
        Options opt = Options.of(options);
        Path splitDir = inside(root, opt.splits(), "data.options.splits");
        String positive = positiveClass(root, splitDir, opt, options.containsKey("classIds"));

        List<BahSplitFile.Entry> entries = new ArrayList<>();
        Map<BahSplitFile.Entry, String> splitOf = new HashMap<>();
        Map<String, BahSplitFile.Entry> byVideo = new HashMap<>();
        for (String split : SPLITS) {
            Path file = splitDir.resolve(opt.files().get(split)).normalize();
            if (!Files.isRegularFile(file)) {
                throw new ManifestException(file + ": the " + split + " split file is missing; data.root must be " + expectedLayout()
                        + ". Point data.options.splits at the folder holding it, or name it with data.options." + split);
            }
            for (BahSplitFile.Entry e : BahSplitFile.read(file)) {
                BahSplitFile.Entry earlier = byVideo.putIfAbsent(e.video(), e);
                if (earlier != null) {
                    throw new ManifestException(e.where() + ": video " + Excerpt.quote(e.video()) + " is listed again (first at "
                            + earlier.where() + "); list each video in one split once");
                }
                entries.add(e);
                splitOf.put(e, split);
            }
        }
        if (entries.isEmpty()) {
            throw new ManifestException(splitDir + ": the split files list no videos; data.root must be " + expectedLayout());
        }

        FrameSource frames = FrameSource.open(root, opt, entries);
        Path transcripts = root.resolve(opt.transcripts()).normalize();
        Path faces = root.resolve(opt.faces()).normalize();
        List<Clip> clips = new ArrayList<>();
        Map<String, String> idOwner = new HashMap<>();
        int withTranscript = 0;
        int withFaces = 0;
        int disagree = 0;
        int positives = 0;
        for (BahSplitFile.Entry e : entries) {
            Path video = video(root, e);
            String stem = stem(video.getFileName().toString());
            String owner = idOwner.putIfAbsent(stem, e.where());
            if (owner != null) {
                throw new ManifestException(e.where() + ": video file name " + Excerpt.quote(stem) + " is also used at " + owner
                        + "; clip ids are the video file names and must be unique");
            }
            MediaInfo info = probe(video, e);
            double fps = opt.fps() > 0 ? opt.fps() : info.frameRate();
            if (!(fps > 0)) {
                throw new ManifestException(e.where() + ": " + video + " declares no video frame rate; give the rate the frame"
                        + " annotations count in as data.options.fps (e.g. 30)");
            }
            double duration = info.durationSeconds();
            BahFrameAnnotations.Frames f = frames.of(e);
            List<TimeSegment> segments = f.segments(fps, opt.firstFrame(), duration, e.video());
            boolean ahVideo = e.classId() == 1;
            positives += ahVideo ? 1 : 0;
            if (ahVideo != f.anyPositive()) {
                disagree++;
                LOG.debug("BAH: {} has video label {} but {} A/H frames", e.video(), e.classId(), f.anyPositive() ? "some" : "no");
            }
            String transcript = transcript(root, transcripts, e.video(), stem);
            withTranscript += transcript == null ? 0 : 1;
            Map<String, String> meta = metadata(e, fps);
            String faceDir = faces(root, faces, e.video(), stem);
            if (faceDir != null) {
                meta.put("faces", faceDir);
                withFaces++;
            }
            ClipLabels labels = new ClipLabels(null, segments, ahVideo, null);
            clips.add(new Clip(stem, subject(e), root.relativize(video).toString().replace('\\', '/'), null, transcript, labels,
                    splitOf.get(e), meta, duration > 0 ? duration : null));
        }
        frames.reportUnused();
        Map<String, Long> perSplit = new TreeMap<>();
        clips.forEach(c -> perSplit.merge(c.split(), 1L, Long::sum));
        LOG.info("BAH: {} videos {} of {} participants, {} labelled '{}'; {} with a Vosk transcript, {} with cropped faces; {} whose"
                        + " video label disagrees with its frames (the split file's label is kept); read in {} ms", clips.size(), perSplit,
                clips.stream().map(Clip::subject).distinct().count(), positives, positive, withTranscript, withFaces, disagree,
                (System.nanoTime() - t0) / 1_000_000);
        return new Manifest(NAME, root, clips);
    }

    /** Reads class_id.yaml (or BAH's mapping when the default file is absent) and returns the name of class 1. */
    private static String positiveClass(Path root, Path splitDir, Options opt, boolean explicit) throws IOException {
        Path file = splitDir.resolve(opt.classIds()).normalize();
        if (!Files.isRegularFile(file)) {
            file = root.resolve(opt.classIds()).normalize();
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            if (explicit) {
                throw new ManifestException(file + ": data.options.classIds names no file (looked in " + splitDir + " and " + root
                        + "); give the path of class_id.yaml or leave the option out");
            }
            ids.putAll(DEFAULT_CLASS_IDS);
            LOG.info("BAH: no {} found; using BAH's class ids {}", opt.classIds(), new TreeMap<>(ids));
        } else {
            JsonNode tree;
            try {
                tree = YAML.readTree(file.toFile());
            } catch (IOException ex) {
                throw new ManifestException(file + ": not valid YAML (" + ex.getMessage() + "); it should read 'With A-H: 1' and"
                        + " 'No A-H: 0', one per line", ex);
            }
            if (tree == null || !tree.isObject()) {
                throw new ManifestException(file + ": expected a mapping of class names to ids, 'With A-H: 1' and 'No A-H: 0'");
            }
            var it = tree.fields();
            while (it.hasNext()) {
                var f = it.next();
                if (!f.getValue().canConvertToInt() || !f.getValue().isIntegralNumber()) {
                    throw new ManifestException(file + ": class " + Excerpt.quote(f.getKey()) + " has id " + Excerpt.quote(f.getValue().toString())
                            + "; class ids are whole numbers, 'With A-H: 1' and 'No A-H: 0'");
                }
                ids.put(f.getKey(), f.getValue().intValue());
            }
        }
        if (ids.size() != 2 || !ids.containsValue(0) || !ids.containsValue(1)) {
            throw new ManifestException(file + ": classes " + ids + " are not BAH's two classes with ids 0 and 1 (No A-H: 0,"
                    + " With A-H: 1); this adapter reads binary A/H labels only");
        }
        String positive = ids.entrySet().stream().filter(x -> x.getValue() == 1).findFirst().orElseThrow().getKey();
        if (!positive.toLowerCase(java.util.Locale.ROOT).contains("with")) {
            LOG.warn("BAH: {} gives id 1 to '{}'; mer4j reads label 1 as A/H, as BAH's own code does", file, positive);
        }
        return positive;
    }

    /** A folder option, which must stay inside the corpus. */
    private static Path inside(Path root, String relative, String option) {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root)) {
            throw new ManifestException(option + ": " + Excerpt.quote(relative) + " leads outside the corpus folder " + root
                    + "; give a path inside it");
        }
        return p;
    }

    private static Path video(Path root, BahSplitFile.Entry e) {
        Path video = root.resolve(e.video()).normalize();
        if (!video.startsWith(root)) {
            throw new ManifestException(e.where() + ": video path " + Excerpt.quote(e.video()) + " leads outside the corpus folder "
                    + root + "; give it relative to the corpus folder, e.g. Videos/<pid>/Visite_1/<file>.mp4");
        }
        if (!Files.isRegularFile(video)) {
            throw new ManifestException(e.where() + ": video " + video + " is missing (or not a regular file); restore it, or"
                    + " remove the line from the split file");
        }
        return video;
    }

    private static MediaInfo probe(Path video, BahSplitFile.Entry e) {
        try {
            return MediaProbe.probe(video);
        } catch (IOException ex) {
            throw new ManifestException(e.where() + ": " + ex.getMessage() + "; replace the file, or remove the line from the split file", ex);
        }
    }

    /** The participant: the folder after {@code Videos/}, else the file name's prefix before the first {@code _}. */
    static String subject(BahSplitFile.Entry e) {
        String[] parts = e.video().split("/");
        if (parts.length >= 3 && parts[0].equalsIgnoreCase("Videos") && !parts[1].isBlank()) {
            return parts[1];
        }
        String name = parts[parts.length - 1];
        int us = name.indexOf('_');
        if (us > 0) {
            return name.substring(0, us);
        }
        throw new ManifestException(e.where() + ": cannot tell the participant of " + Excerpt.quote(e.video()) + "; BAH videos lie"
                + " at Videos/<pid>/Visite_1/<pid>_Question_<k>_<date>_Video.mp4");
    }

    private static Map<String, String> metadata(BahSplitFile.Entry e, double fps) {
        Map<String, String> meta = new LinkedHashMap<>();
        String[] parts = e.video().split("/");
        Matcher m = FILE_NAME.matcher(parts[parts.length - 1]);
        if (m.matches()) {
            meta.put("question", m.group(2));
            meta.put("recorded", m.group(3));
        }
        if (parts.length >= 4) {
            meta.put("visit", parts[parts.length - 2]);
        }
        if (!e.text().isEmpty()) {
            meta.put("text", e.text());
        }
        meta.put("frameRate", fps == Math.rint(fps) ? Long.toString((long) fps) : Double.toString(fps));
        return meta;
    }

    /**
     * The Vosk CSV of a video, relative to the root, or null: the first of
     * {@code <transcripts>/<path below Videos/>.csv}, {@code <transcripts>/<video path>.csv},
     * {@code <transcripts>/<stem>.csv} and the CSV beside the video.
     */
    private static String transcript(Path root, Path dir, String video, String stem) {
        String noExt = stripExtension(video);
        List<Path> candidates = new ArrayList<>();
        if (noExt.toLowerCase(java.util.Locale.ROOT).startsWith("videos/")) {
            candidates.add(dir.resolve(noExt.substring("videos/".length()) + ".csv"));
        }
        candidates.add(dir.resolve(noExt + ".csv"));
        candidates.add(dir.resolve(stem + ".csv"));
        candidates.add(root.resolve(noExt + ".csv"));
        for (Path c : candidates) {
            Path n = c.normalize();
            if (n.startsWith(root) && Files.isRegularFile(n)) {
                return root.relativize(n).toString().replace('\\', '/');
            }
        }
        return null;
    }

    /** The cropped-face folder of a video, relative to the root, or null: {@code <faces>/<video path>}, without extension, or {@code <faces>/<stem>}. */
    private static String faces(Path root, Path dir, String video, String stem) {
        for (String c : List.of(video, stripExtension(video), stem)) {
            Path n = dir.resolve(c).normalize();
            if (n.startsWith(root) && Files.isDirectory(n)) {
                return root.relativize(n).toString().replace('\\', '/');
            }
        }
        return null;
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String stripExtension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(0, dot) : path;
    }

    /** Where each video's frame pairs come from: one YAML for all, or a folder of per-video files. */
    private static final class FrameSource {
        private final Path path;
        private final Map<String, BahFrameAnnotations.Frames> all;
        private final Map<String, String> keyOfVideo = new HashMap<>();

        private FrameSource(Path path, Map<String, BahFrameAnnotations.Frames> all) {
            this.path = path;
            this.all = all;
        }

        static FrameSource open(Path root, Options opt, List<BahSplitFile.Entry> entries) throws IOException {
            Path path = inside(root, opt.frameAnnotations(), "data.options.frameAnnotations");
            if (Files.isDirectory(path)) {
                return new FrameSource(path, null);
            }
            if (!Files.isRegularFile(path)) {
                throw new ManifestException(path + ": the frame-level annotations are missing; BAH ships them as "
                        + "video_annotation.yaml (<video>: {frame_annotation: [[frame, label], ...]}). Point data.options.frameAnnotations"
                        + " at the file, or at a folder of one YAML per video");
            }
            FrameSource s = new FrameSource(path, BahFrameAnnotations.readAll(path));
            Map<String, BahSplitFile.Entry> byName = new HashMap<>();
            for (BahSplitFile.Entry e : entries) {
                for (String name : names(e.video())) {
                    byName.putIfAbsent(name, e);
                }
            }
            Map<String, String> entryKey = new HashMap<>();
            for (Map.Entry<String, BahFrameAnnotations.Frames> a : s.all.entrySet()) {
                String key = BahSplitFile.normalise(a.getKey().strip());
                BahSplitFile.Entry e = byName.get(key);
                if (e == null) {
                    e = byName.get(stripExtension(key));
                }
                if (e == null) {
                    continue;
                }
                String earlier = entryKey.putIfAbsent(e.video(), a.getKey());
                if (earlier != null) {
                    throw new ManifestException(path + " line " + a.getValue().keyLine() + ": " + Excerpt.quote(a.getKey())
                            + " annotates the same video as " + Excerpt.quote(earlier) + " (" + e.video() + "); keep one entry per video");
                }
                s.keyOfVideo.put(e.video(), a.getKey());
            }
            return s;
        }

        private static List<String> names(String video) {
            String file = video.substring(video.lastIndexOf('/') + 1);
            return List.of(video, stripExtension(video), file, stem(file));
        }

        BahFrameAnnotations.Frames of(BahSplitFile.Entry e) throws IOException {
            if (all == null) {
                String file = e.video().substring(e.video().lastIndexOf('/') + 1);
                for (String c : List.of(stripExtension(e.video()) + ".yaml", stem(file) + ".yaml")) {
                    Path p = path.resolve(c).normalize();
                    if (p.startsWith(path) && Files.isRegularFile(p)) {
                        return BahFrameAnnotations.readOne(p);
                    }
                }
                throw new ManifestException(e.where() + ": no frame annotation for " + e.video() + " in " + path + " (looked for "
                        + stripExtension(e.video()) + ".yaml and " + stem(file) + ".yaml); add it, or remove the line");
            }
            String key = keyOfVideo.get(e.video());
            if (key == null) {
                throw new ManifestException(e.where() + ": " + path + " has no frame_annotation for " + e.video() + " (keys are the"
                        + " video path, with or without extension, or its file name); add the video's entry, or remove the line");
            }
            return all.get(key);
        }

        void reportUnused() {
            if (all != null && all.size() > keyOfVideo.size()) {
                LOG.info("BAH: {} of {} entries in {} name no video of the split files (ignored)", all.size() - keyOfVideo.size(),
                        all.size(), path);
            }
        }
    }
}
