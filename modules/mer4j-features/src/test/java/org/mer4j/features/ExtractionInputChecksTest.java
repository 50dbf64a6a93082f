package org.mer4j.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.AudioChunk;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.ClipSource;
import org.mer4j.api.DataRoot;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.MalformedFileException;
import org.mer4j.api.Manifest;
import org.mer4j.api.Modality;
import org.mer4j.api.TimeSegment;
import org.mer4j.api.TimedWord;
import org.mer4j.api.VideoFrame;
import org.mer4j.media.DecodeConfig;
import org.mer4j.media.MediaFailures;

/**
 * The clip files an extraction opens pass {@link DataRoot} first, and inputs absurd for their clip
 * ({@link InputLimits}) skip that clip with a reason naming the file, the value and the limit,
 * while the other clips complete. A named pipe as transcript used to hang the run: the timeout
 * guards that.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExtractionInputChecksTest {
    @TempDir
    static Path tmp;
    static Path root;

    record NoConfig(int version) {
    }

    /** One step per word; records how many words it was given. */
    static class WordCount implements FeatureExtractor {
        @Override
        public String name() {
            return "word-count";
        }

        @Override
        public Modality modality() {
            return Modality.TEXT;
        }

        @Override
        public Record config() {
            return new NoConfig(1);
        }

        @Override
        public ExtractionSession open(ClipSource source) {
            List<TimedWord> w = source.words();
            return () -> {
                double[] times = w.stream().mapToDouble(TimedWord::start).toArray();
                boolean[] mask = new boolean[times.length];
                Arrays.fill(mask, true);
                return new FeatureTrack(name(), times, 1, new float[times.length], mask);
            };
        }
    }

    /** One step per decoded audio chunk and video frame. */
    static final class MediaCount implements FeatureExtractor {
        @Override
        public String name() {
            return "media-count";
        }

        @Override
        public Modality modality() {
            return Modality.AUDIO;
        }

        @Override
        public Record config() {
            return new NoConfig(1);
        }

        @Override
        public boolean needsAudio() {
            return true;
        }

        @Override
        public boolean needsVideo() {
            return true;
        }

        @Override
        public ExtractionSession open(ClipSource source) {
            List<Double> times = new ArrayList<>();
            return new ExtractionSession() {
                @Override
                public void onVideoFrame(VideoFrame frame) {
                    times.add(frame.time());
                }

                @Override
                public void onAudio(AudioChunk chunk) {
                    times.add(chunk.time());
                }

                @Override
                public FeatureTrack finish() {
                    double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    boolean[] mask = new boolean[t.length];
                    Arrays.fill(mask, true);
                    return new FeatureTrack(name(), t, 1, new float[t.length], mask);
                }
            };
        }
    }

    @BeforeAll
    static void fixtures() throws Exception {
        root = Files.createDirectories(tmp.resolve("data"));
        writeMp4(root.resolve("four.mp4"), 10, 4.0, true, true);
        writeMp4(root.resolve("one-frame.mp4"), 25, 0.04, false, false);
        byte[] whole = Files.readAllBytes(root.resolve("four.mp4"));
        Files.write(root.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length / 2));
    }

    private static ExtractionReport run(Manifest m, List<FeatureExtractor> extractors, InputLimits limits, ClipWordSource words)
            throws IOException {
        Path cache = Files.createTempDirectory(tmp, "cache");
        return new ExtractionRunner(new FeatureStore(cache), extractors, DecodeConfig.defaults(), 2, words, limits)
                .run(m, line -> { });
    }

    private static Map<String, SkippedClip> skipped(ExtractionReport r) {
        Map<String, SkippedClip> out = new LinkedHashMap<>();
        r.skipped().forEach(s -> out.put(s.clipId(), s));
        return out;
    }

    private static Clip textClip(String id, String transcript) {
        return new Clip(id, "s1", null, null, transcript, null, null);
    }

    private static Path fifo(Path file) throws Exception {
        Process p = new ProcessBuilder("mkfifo", file.toString()).redirectErrorStream(true).start();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo is not available here");
        return file;
    }

    @Test
    void outsideLinksPipesAndDirectoriesAreSkippedWithoutBeingOpened() throws Exception {
        Path dir = Files.createDirectories(root.resolve("paths"));
        Files.writeString(dir.resolve("ok.csv"), "0;400;hello;1\n500;900;there;1\n");
        Path secret = Files.writeString(tmp.resolve("secret.csv"), "TOP-SECRET-LINE the first line of a private file\n");
        Files.createSymbolicLink(dir.resolve("link.csv"), secret);
        fifo(dir.resolve("pipe.csv"));
        Files.createDirectories(dir.resolve("folder.csv"));
        Files.createDirectories(dir.resolve("folder.mp4"));
        Manifest m = new Manifest("paths", root, List.of(textClip("ok", "paths/ok.csv"), textClip("link", "paths/link.csv"),
                textClip("pipe", "paths/pipe.csv"), textClip("dir", "paths/folder.csv"),
                new Clip("video-dir", "s1", "paths/folder.mp4", null, null, null, null)));

        ExtractionReport r = run(m, List.of(new WordCount()), InputLimits.defaults(), ClipWordSource.wordCsv());
        Map<String, SkippedClip> s = skipped(r);
        assertEquals(2, r.extracted(), "ok, and video-dir (no transcript, and no extractor needs its video): " + s);
        assertEquals(DataRoot.OUTSIDE_ROOT, s.get("link").reason());
        assertEquals(DataRoot.NOT_REGULAR, s.get("pipe").reason());
        assertTrue(s.get("pipe").message().contains("named pipe"), s.get("pipe").message());
        assertEquals(DataRoot.NOT_REGULAR, s.get("dir").reason());
        assertFalse(s.containsKey("video-dir"), "no extractor needs the video: it is not touched");
        s.values().forEach(x -> assertFalse(x.message().contains("TOP-SECRET"), x.message()));

        ExtractionReport v = run(m, List.of(new MediaCount()), InputLimits.defaults(), ClipWordSource.wordCsv());
        assertEquals(DataRoot.NOT_REGULAR, skipped(v).get("video-dir").reason());

        // allowed outside: the link is read, but its content is never quoted; the pipe is still refused
        ExtractionReport allowed = run(m.withAllowOutsideRoot(true), List.of(new WordCount()), InputLimits.defaults(),
                ClipWordSource.wordCsv());
        SkippedClip link = skipped(allowed).get("link");
        assertEquals("bad-transcript", link.reason());
        assertTrue(link.message().contains(secret.toRealPath() + " line 1") && link.message().contains("outside the data root"),
                link.message());
        assertFalse(link.message().contains("TOP-SECRET"), link.message());
        assertEquals(DataRoot.NOT_REGULAR, skipped(allowed).get("pipe").reason());
    }

    @Test
    void aModelFileReplacedAtTheSamePathGetsNewFeatures() throws Exception {
        Files.writeString(root.resolve("words.csv"), "0;400;hello;1\n");
        Manifest m = new Manifest("model", root, List.of(textClip("c", "words.csv")));
        Path cache = Files.createTempDirectory(tmp, "cache");
        java.util.function.Function<String, ExtractionReport> runWith = modelSha -> {
            FeatureExtractor withModel = new WordCount() {
                @Override
                public Map<String, String> fileDigests() {
                    return Map.of("model", modelSha);
                }
            };
            return new ExtractionRunner(new FeatureStore(cache), List.of(withModel), DecodeConfig.defaults(), 1, ClipWordSource.wordCsv(),
                    InputLimits.defaults()).run(m, line -> { });
        };
        assertEquals(1, runWith.apply("aa").extracted());
        assertEquals(1, runWith.apply("aa").cached(), "same config, same model file: cached");
        assertEquals(1, runWith.apply("bb").extracted(), "same config and path, another model file: recomputed, never reused");
    }

    @Test
    void aMalformedTranscriptInsideTheRootIsQuotedOnlyAsAShortExcerpt() throws Exception {
        Files.writeString(root.resolve("long-line.csv"), "0;100;hi;1\n" + "\u001B[2J" + "z".repeat(100_000) + "\n");
        ExtractionReport r = run(new Manifest("q", root, List.of(textClip("long", "long-line.csv"))), List.of(new WordCount()),
                InputLimits.defaults(), ClipWordSource.wordCsv());
        SkippedClip s = skipped(r).get("long");
        assertEquals("bad-transcript", s.reason());
        assertTrue(s.message().contains("line 2") && s.message().contains("\\u001B[2J") && s.message().contains("(100004 chars)"),
                s.message());
        assertTrue(s.message().length() < 500, s.message().length() + " chars");
    }

    @Test
    void absurdInputsAreSkippedPerClipWithTheFileTheValueAndTheLimit() throws Exception {
        Path dir = Files.createDirectories(root.resolve("absurd"));
        Files.writeString(dir.resolve("fits.csv"), "0;1000;one;1\n3000;6000;two;1\n");
        Files.writeString(dir.resolve("big.csv"), "0;100;word;1\n".repeat(200));
        Files.writeString(dir.resolve("late.csv"), "0;1000;one;1\n99000;100000;far;1\n");
        Files.writeString(dir.resolve("seconds.csv"), "0;1000;one;1\n2000;3000;two;1\n3000;3500;three;1\n");
        ClipLabels late = new ClipLabels(null, List.of(new TimeSegment(0, 1), new TimeSegment(2, 9.5)), null, null);
        ClipLabels fine = new ClipLabels(null, List.of(new TimeSegment(0, 4.3)), null, null);
        Manifest m = new Manifest("absurd", root, List.of(
                new Clip("good", "s1", "four.mp4", null, "absurd/fits.csv", fine, null),
                new Clip("big", "s1", "four.mp4", null, "absurd/big.csv", null, null),
                new Clip("late-declared", "s1", null, null, "absurd/late.csv", null, null, null, 8.0),
                new Clip("late-probed", "s1", "four.mp4", null, "absurd/late.csv", null, null),
                new Clip("single-frame", "s1", "one-frame.mp4", null, "absurd/seconds.csv", null, null),
                new Clip("labels-late", "s1", "four.mp4", null, "absurd/fits.csv", late, null),
                new Clip("no-duration", "s1", null, null, "absurd/late.csv", null, null)));
        InputLimits limits = new InputLimits(1000L, null, null, null);

        ExtractionReport r = run(m, List.of(new WordCount()), limits, ClipWordSource.wordCsv());
        Map<String, SkippedClip> s = skipped(r);
        assertEquals(List.of("big", "late-declared", "late-probed", "single-frame", "labels-late"), List.copyOf(s.keySet()));
        assertEquals(2, r.extracted(), "good, and no-duration (nothing to compare its words with)");

        SkippedClip big = s.get("big");
        assertEquals(InputLimits.TRANSCRIPT_TOO_LARGE, big.reason());
        assertTrue(big.message().contains("big.csv is 2600 bytes") && big.message().contains("features.limits.maxTranscriptBytes = 1000")
                && big.message().contains("not read"), big.message());

        SkippedClip declared = s.get("late-declared");
        assertEquals(InputLimits.WORDS_PAST_END, declared.reason());
        assertTrue(declared.message().contains("late.csv") && declared.message().contains("word #2 of 2 ends at 100.00 s")
                && declared.message().contains("lasts 8.00 s (its manifest 'duration')")
                && declared.message().contains("features.limits.maxWordsPastEndSeconds = 2.00 s"), declared.message());
        SkippedClip probed = s.get("late-probed");
        assertTrue(probed.message().contains("lasts 4.00 s (the duration " + root.resolve("four.mp4").toRealPath() + " declares)"),
                probed.message());
        SkippedClip one = s.get("single-frame");
        assertEquals(InputLimits.WORDS_PAST_END, one.reason());
        assertTrue(one.message().contains("ends at 3.50 s") && one.message().contains("lasts 0.04 s"), one.message());

        SkippedClip labels = s.get("labels-late");
        assertEquals(InputLimits.LABELS_PAST_END, labels.reason());
        assertTrue(labels.message().contains("field 'labels.ahSegments[1]' ends at 9.50 s") && labels.message().contains("lasts 4.00 s")
                && labels.message().contains("features.limits.maxLabelsPastEndSeconds = 0.50 s"), labels.message());

        // labels are checked on every run, even when the features are cached
        Path cache = Files.createTempDirectory(tmp, "cache");
        ExtractionRunner runner = new ExtractionRunner(new FeatureStore(cache), List.of(new WordCount()), DecodeConfig.defaults(), 1,
                ClipWordSource.wordCsv(), limits);
        Manifest noLabels = new Manifest("x", root, List.of(new Clip("labels-late", "s1", "four.mp4", null, "absurd/fits.csv", null, null)));
        assertEquals(1, runner.run(noLabels, line -> { }).extracted());
        assertEquals(InputLimits.LABELS_PAST_END, runner.run(new Manifest("x", root, List.of(m.clip("labels-late"))), line -> { })
                .skipped().get(0).reason());

        // the limits are configurable: generous ones let everything through
        ExtractionReport loose = run(m, List.of(new WordCount()), new InputLimits(10_000L, 1000.0, 0.0, 10.0), ClipWordSource.wordCsv());
        assertEquals(List.of(), loose.skipped());
    }

    @Test
    void aTruncatedMediaFileIsSkippedNotSilentlyShort() throws Exception {
        Manifest m = new Manifest("media", root, List.of(new Clip("whole", "s1", "four.mp4", null, null, null, null),
                new Clip("cut", "s1", "cut.mp4", null, null, null, null)));
        ExtractionReport r = run(m, List.of(new MediaCount()), InputLimits.defaults(), ClipWordSource.wordCsv());
        assertEquals(1, r.extracted());
        SkippedClip cut = skipped(r).get("cut");
        assertEquals(MediaFailures.TRUNCATED, cut.reason());
        assertTrue(cut.message().contains("cut.mp4 declares 4.00 s") && cut.message().contains("features.limits.minDecodedDurationRatio = 0.90"),
                cut.message());
        assertEquals(0, run(m, List.of(new MediaCount()), new InputLimits(null, null, 0.0, null), ClipWordSource.wordCsv()).skipped().size(),
                "0 turns the check off");
    }

    @Test
    void anIoFailureIsNotABadClip() throws Exception {
        Files.writeString(root.resolve("t.csv"), "0;100;hi;1\n");
        Manifest m = new Manifest("io", root, List.of(textClip("a", "t.csv")));
        ClipWordSource failingDisk = new ClipWordSource() {
            @Override
            public List<TimedWord> words(Clip clip, DataRoot.Checked transcript, DataRoot.Checked audio) throws IOException {
                throw new IOException("Input/output error");
            }

            @Override
            public String recognizerFor(Clip clip) {
                return null;
            }
        };
        SkippedClip io = run(m, List.of(new WordCount()), InputLimits.defaults(), failingDisk).skipped().get(0);
        assertEquals(ExtractionRunner.IO_ERROR, io.reason());
        assertTrue(io.message().contains("not a problem of the clip"), io.message());

        ClipWordSource malformed = new ClipWordSource() {
            @Override
            public List<TimedWord> words(Clip clip, DataRoot.Checked transcript, DataRoot.Checked audio) throws IOException {
                throw new MalformedFileException(transcript.path(), 3, "end", transcript.path() + " line 3: bad", null);
            }

            @Override
            public String recognizerFor(Clip clip) {
                return null;
            }
        };
        assertEquals("bad-transcript", run(m, List.of(new WordCount()), InputLimits.defaults(), malformed).skipped().get(0).reason());
    }

    @Test
    void limitsAreValidatedWithTheirConfigPath() {
        assertEquals(5_000_000L, InputLimits.defaults().maxTranscriptBytes());
        assertEquals(2.0, InputLimits.defaults().maxWordsPastEndSeconds());
        assertEquals(0.9, InputLimits.defaults().minDecodedDurationRatio());
        assertEquals(0.5, InputLimits.defaults().maxLabelsPastEndSeconds());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new InputLimits(0L, null, null, null)).getMessage()
                .contains("features.limits.maxTranscriptBytes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new InputLimits(null, null, 1.5, null)).getMessage()
                .contains("features.limits.minDecodedDurationRatio must be in [0, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new InputLimits(null, -1.0, null, null)).getMessage()
                .contains("features.limits.maxWordsPastEndSeconds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new InputLimits(null, null, null, Double.NaN)).getMessage()
                .contains("features.limits.maxLabelsPastEndSeconds"));
    }

    /** A small H.264 mp4 (with a tone when {@code audio}); {@code faststart} puts the index first, so a cut copy still opens. */
    static void writeMp4(Path file, double fps, double seconds, boolean audio, boolean faststart) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        int w = 64;
        int h = 48;
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), w, h, audio ? 1 : 0);
             Frame frame = new Frame(w, h, Frame.DEPTH_UBYTE, 3)) {
            rec.setFormat("mp4");
            rec.setVideoCodecName("libopenh264");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(fps);
            rec.setVideoBitrate(400_000);
            if (faststart) {
                rec.setOption("movflags", "faststart");
            }
            if (audio) {
                rec.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                rec.setSampleRate(44100);
                rec.setAudioChannels(1);
                rec.setAudioBitrate(64_000);
            }
            rec.start();
            int frames = Math.max(1, (int) Math.round(seconds * fps));
            int perFrame = (int) Math.round(44100 / fps);
            for (int i = 0; i < frames; i++) {
                ByteBuffer buf = (ByteBuffer) frame.image[0];
                for (int k = 0; k < buf.capacity(); k++) {
                    buf.put(k, (byte) ((k + i * 7) & 0xff));
                }
                rec.record(frame, avutil.AV_PIX_FMT_BGR24);
                if (audio) {
                    float[] s = new float[perFrame];
                    for (int k = 0; k < s.length; k++) {
                        s[k] = (float) (0.3 * Math.sin(0.06 * (i * perFrame + k)));
                    }
                    rec.recordSamples(44100, 1, FloatBuffer.wrap(s));
                }
            }
            rec.stop();
        }
    }
}
