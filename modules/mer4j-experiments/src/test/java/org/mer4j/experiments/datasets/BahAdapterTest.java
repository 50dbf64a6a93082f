package org.mer4j.experiments.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.Clip;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestException;
import org.mer4j.api.TimeSegment;
import org.mer4j.api.TimedWord;
import org.mer4j.text.transcripts.TranscriptReaders;

/**
 * The {@code bah} adapter on a fixture in BAH's layout ({@code src/test/resources/datasets/bah}:
 * split files, class_id.yaml, video_annotation.yaml, Vosk CSVs), with 2-second 10 fps videos
 * written by the test at the paths the split files name.
 */
class BahAdapterTest {
    private static final Path FIXTURE = Path.of("src/test/resources/datasets/bah");
    private static final String V82904 = "Videos/82904/Visite_1/82904_Question_7_2025-02-27_09-27-57_Video.mp4";

    @TempDir
    Path dir;
    Path root;

    @BeforeEach
    void layOutTheCorpus() throws Exception {
        root = dir.resolve("BAH_DB");
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = root.resolve(FIXTURE.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        for (String split : List.of("train.txt", "val.txt", "test.txt")) {
            for (String line : Files.readAllLines(root.resolve(split))) {
                if (!line.isBlank()) {
                    writeMp4(root.resolve(line.substring(0, line.indexOf(','))), 10, 2.0);
                }
            }
        }
        Files.createDirectories(root.resolve("cropped_aligned/" + V82904));
    }

    private Manifest load(Map<String, String> options) throws Exception {
        return DatasetAdapters.load().get("bah").load(root, dir.resolve("work"), options);
    }

    @Test
    void splitFilesFrameAnnotationsAndVoskTranscriptsBecomeClips() throws Exception {
        Manifest m = load(Map.of());
        assertEquals(4, m.clips().size());
        Map<String, Clip> byId = new HashMap<>();
        m.clips().forEach(c -> byId.put(c.id(), c));

        Clip hes = byId.get("82904_Question_7_2025-02-27_09-27-57_Video");
        assertEquals("82904", hes.subject());
        assertEquals("train", hes.split());
        assertEquals(V82904, hes.video());
        assertEquals(Boolean.TRUE, hes.labels().ahVideo());
        // frames 5-9 and 15-19 at 10 fps
        assertSegments(List.of(new TimeSegment(0.5, 1.0), new TimeSegment(1.5, 2.0)), hes.labels().ahSegments());
        assertTrue(hes.labels().ahAt(0.55) && !hes.labels().ahAt(1.05) && hes.labels().ahAt(1.95));
        assertEquals("I have a work task, um, that I have been putting off.", hes.metadata().get("text"), "commas after the second are text");
        assertEquals("7", hes.metadata().get("question"));
        assertEquals("2025-02-27_09-27-57", hes.metadata().get("recorded"));
        assertEquals("Visite_1", hes.metadata().get("visit"));
        assertEquals("10", hes.metadata().get("frameRate"));
        assertEquals("cropped_aligned/" + V82904, hes.metadata().get("faces"));
        assertEquals(2.0, hes.duration(), 0.11);
        assertEquals("transcripts/82904/Visite_1/82904_Question_7_2025-02-27_09-27-57_Video.csv", hes.transcript());
        List<TimedWord> words = TranscriptReaders.defaults().read(m.resolve(hes.transcript())).words();
        assertEquals(9, words.size());
        assertEquals("um", words.get(5).word());
        assertEquals(1.2, words.get(5).start(), 1e-9, "Vosk times are milliseconds");

        Clip calm = byId.get("82725_Question_1_2024-11-19_15-12-23_Video");
        assertEquals(Boolean.FALSE, calm.labels().ahVideo());
        assertTrue(calm.labels().ahSegments().isEmpty());
        assertEquals("transcripts/82725_Question_1_2024-11-19_15-12-23_Video.csv", calm.transcript(), "CSV named by the video stem");
        assertNull(calm.metadata().get("faces"));

        Clip spaced = byId.get("82567_Question_7_2024-10-02 15-46-17_Video");
        assertEquals("val", spaced.split(), "val.txt with Windows line ends");
        assertSegments(List.of(new TimeSegment(0.0, 0.4)), spaced.labels().ahSegments());
        assertEquals("2024-10-02 15-46-17", spaced.metadata().get("recorded"));
        assertNull(spaced.transcript(), "no Vosk CSV: the clip has no words (or gets them from features.asr)");

        Clip desktop = byId.get("82620_Question_4_2024-11-05_14-58-50_Video-DESKTOP-NQ55E0P");
        assertEquals("test", desktop.split());
        assertEquals("82620", desktop.subject());
        assertFalse(desktop.metadata().containsKey("text"), "empty transcript");
        assertEquals("4", desktop.metadata().get("question"));
    }

    @Test
    void optionsRenameFilesAndOverrideTheFrameRate() throws Exception {
        Path splits = Files.createDirectories(root.resolve("splits/split-0"));
        Files.move(root.resolve("train.txt"), splits.resolve("train_list.txt"));
        Files.move(root.resolve("val.txt"), splits.resolve("val.txt"));
        Files.move(root.resolve("test.txt"), splits.resolve("test.txt"));
        Files.move(root.resolve("class_id.yaml"), splits.resolve("class_id.yaml"));
        // annotations of more videos than the split files list, past SnakeYAML's default 3 MB document limit
        StringBuilder more = new StringBuilder(Files.readString(root.resolve("video_annotation.yaml")));
        for (int v = 0; more.length() < 3_300_000; v++) {
            more.append("Videos/9").append(v).append("/Visite_1/9").append(v).append("_Question_1_2025-01-01_10-00-00_Video.mp4:\n")
                    .append("  frame_annotation:\n");
            for (int f = 0; f < 800; f++) {
                more.append("  - - ").append(f).append("\n    - ").append(f / 100 % 2).append('\n');
            }
        }
        Files.writeString(root.resolve("video_annotation.yaml"), more);
        Files.move(root.resolve("video_annotation.yaml"), root.resolve("frames.yaml"));
        Manifest m = load(Map.of("splits", "splits/split-0", "train", "train_list.txt", "frameAnnotations", "frames.yaml", "fps", "20"));
        Clip hes = m.clips().stream().filter(c -> c.video().equals(V82904)).findFirst().orElseThrow();
        assertSegments(List.of(new TimeSegment(0.25, 0.5), new TimeSegment(0.75, 1.0)), hes.labels().ahSegments());
        assertEquals("20", hes.metadata().get("frameRate"));

        ManifestException unknown = assertThrows(ManifestException.class, () -> load(Map.of("split", "x")));
        assertTrue(unknown.getMessage().contains("data.options.split") && unknown.getMessage().contains("frameAnnotations"), unknown.getMessage());
        ManifestException missing = assertThrows(ManifestException.class, () -> load(Map.of()));
        assertTrue(missing.getMessage().contains("train.txt") && missing.getMessage().contains("data.options.splits"), missing.getMessage());
    }

    @Test
    void oneAnnotationFilePerVideoInAFolder() throws Exception {
        Path folder = Files.createDirectories(root.resolve("annotations"));
        for (String line : Files.readAllLines(root.resolve("train.txt"))) {
            String video = line.substring(0, line.indexOf(','));
            Path f = folder.resolve(video.replace(".mp4", ".yaml"));
            Files.createDirectories(f.getParent());
            boolean ah = video.equals(V82904);
            StringBuilder sb = new StringBuilder("frame_annotation:\n");
            for (int k = 0; k < 20; k++) {
                sb.append("- [").append(k).append(", ").append(ah && k >= 10 ? 1 : 0).append("]\n");
            }
            Files.writeString(f, sb.toString());
        }
        for (String split : List.of("val.txt", "test.txt")) {
            String line = Files.readAllLines(root.resolve(split)).stream().filter(l -> !l.isBlank()).findFirst().orElseThrow();
            String video = line.substring(0, line.indexOf(','));
            String stem = video.substring(video.lastIndexOf('/') + 1).replace(".mp4", "");
            Files.writeString(folder.resolve(stem + ".yaml"), "frame_annotation: [[0, 0], [1, 0]]\n");
        }
        Manifest m = load(Map.of("frameAnnotations", "annotations"));
        Clip hes = m.clips().stream().filter(c -> c.video().equals(V82904)).findFirst().orElseThrow();
        assertSegments(List.of(new TimeSegment(1.0, 2.0)), hes.labels().ahSegments());
    }

    @Test
    void badInputFailsNamingTheFileAndLine() throws Exception {
        Path train = root.resolve("train.txt");
        String good = Files.readString(train);

        Files.writeString(train, good + "Videos/82725/Visite_1/no-commas-here.mp4\n");
        assertFailure("train.txt line 3", "without a comma");

        Files.writeString(train, good.replace(".mp4,1,I have", ".mp4,2,I have"));
        assertFailure("train.txt line 2", "'2'");

        Files.writeString(train, good + "Videos/80000/Visite_1/80000_Question_1_2025-01-01_10-00-00_Video.mp4,0,gone\n");
        assertFailure("train.txt line 3", "80000_Question_1_2025-01-01_10-00-00_Video.mp4 is missing");

        Files.writeString(train, good + "../outside.mp4,0,x\n");
        assertFailure("train.txt line 3", "outside the corpus folder");

        Files.writeString(train, good);
        Files.writeString(root.resolve("test.txt"), Files.readString(root.resolve("test.txt")) + good.lines().findFirst().orElseThrow() + "\n");
        assertFailure("test.txt line 3", "listed again (first at " + train + " line 1)");
        Files.writeString(root.resolve("test.txt"), Files.readString(FIXTURE.resolve("test.txt")));

        Path frames = root.resolve("video_annotation.yaml");
        String yaml = Files.readString(frames);
        List<String> lines = yaml.lines().toList();
        int pairLine = lines.indexOf("  - - 3") + 1; // the 1-based line where the pair of frame 3 of 82725 starts
        Files.writeString(frames, yaml.replaceFirst("(?m)^  - - 3\n    - 0$", "  - - 3\n    - 2"));
        assertFailure("video_annotation.yaml line " + pairLine + ":", "has label 2");

        Files.writeString(frames, yaml.replace("[19, 1]]", "[19, 1], [40, 1]]"));
        assertFailure("video_annotation.yaml line ", "frame 40 of " + V82904 + " lies past the end of the video (20 frames");

        Files.writeString(frames, yaml.replace("[19, 1]]", "[19, 1], [7, 1]]"));
        assertFailure("video_annotation.yaml line ", "frame 7 of " + V82904 + " is listed twice");

        Files.writeString(frames, yaml.replace("82904_Question_7_2025-02-27_09-27-57_Video:", "someone_else:"));
        assertFailure("train.txt line 2", "has no frame_annotation for " + V82904);

        Files.writeString(frames, yaml);
        ManifestException first = assertThrows(ManifestException.class, () -> load(Map.of("firstFrame", "1")));
        assertTrue(first.getMessage().contains("comes before the first frame"), first.getMessage());

        Files.writeString(root.resolve("class_id.yaml"), "With A-H: 1\nNo A-H: 0\nOther: 2\n");
        assertFailure("class_id.yaml", "ids 0 and 1");
    }

    private void assertFailure(String where, String what) {
        ManifestException e = assertThrows(ManifestException.class, () -> load(Map.of()));
        assertTrue(e.getMessage().contains(where) && e.getMessage().contains(what), "expected '" + where + "' and '" + what + "' in: "
                + e.getMessage());
    }

    private static void assertSegments(List<TimeSegment> expected, List<TimeSegment> actual) {
        assertEquals(expected.size(), actual.size(), actual.toString());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).start(), actual.get(i).start(), 1e-9, actual.toString());
            assertEquals(expected.get(i).end(), actual.get(i).end(), 1e-9, actual.toString());
        }
    }

    /** A small H.264 mp4 of changing colour, {@code seconds} long at {@code fps}. */
    static void writeMp4(Path file, double fps, double seconds) throws Exception {
        Files.createDirectories(file.getParent());
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        int w = 64;
        int h = 48;
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), w, h, 0);
             Frame frame = new Frame(w, h, Frame.DEPTH_UBYTE, 3)) {
            rec.setFormat("mp4");
            rec.setVideoCodecName("libopenh264");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(fps);
            rec.setVideoBitrate(100_000);
            rec.start();
            for (int i = 0; i < Math.round(seconds * fps); i++) {
                java.nio.ByteBuffer buf = (java.nio.ByteBuffer) frame.image[0];
                for (int p = 0; p < h * frame.imageStride; p++) {
                    buf.put(p, (byte) (i * 12 + p));
                }
                rec.record(frame, avutil.AV_PIX_FMT_BGR24);
            }
            rec.stop();
        }
    }
}
