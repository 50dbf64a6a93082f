package org.mer4j.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.Buffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.Clip;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestIO;

/** A generated corpus decodes: both streams, fps x seconds frames, the planned audio length. */
class GeneratedMediaDecodeTest {
    @TempDir
    static Path dir;
    static SynthConfig cfg;
    static Manifest manifest;

    @BeforeAll
    static void generate() throws Exception {
        cfg = SynthConfig.tiny(3, 1, 2, 3.0);
        manifest = CorpusGenerator.generate(cfg, dir);
    }

    @Test
    void manifestListsEveryClipWithExistingFilesAndReadsBack() {
        Manifest read = ManifestIO.read(dir.resolve("manifest.json"));
        ManifestIO.validate(read, dir.resolve("manifest.json"), true);
        assertEquals(2, read.clips().size());
        for (Clip c : read.clips()) {
            assertTrue(Files.isRegularFile(read.resolve(c.video())), c.video());
            assertTrue(Files.isRegularFile(read.resolve(c.transcript())), c.transcript());
            assertTrue(Files.isRegularFile(dir.resolve("design/" + c.id() + ".json")));
            assertTrue(Boolean.valueOf(c.labels().ahVideoLabel()).equals(c.labels().inconsistent()),
                    "inconsistent flag equals 'has A/H' for " + c.id());
        }
        assertTrue(Files.isRegularFile(dir.resolve("corpus.json")));
        try (var files = Files.list(dir.resolve("media"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary media left behind");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static float[] audioOf(Path mp4) throws Exception {
        float[] out = new float[0];
        int n = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(mp4.toFile())) {
            g.setSampleMode(FFmpegFrameGrabber.SampleMode.FLOAT);
            g.start();
            Frame f;
            while ((f = g.grabSamples()) != null) {
                java.nio.FloatBuffer b = (java.nio.FloatBuffer) f.samples[0];
                int k = b.remaining();
                if (n + k > out.length) {
                    out = java.util.Arrays.copyOf(out, Math.max(2 * out.length, n + k));
                }
                b.get(out, n, k);
                n += k;
            }
            g.stop();
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * The audio is lossless: decoded, it is the synthesiser's signal quantised to 16 bits, sample for
     * sample, so audio features cannot depend on the machine's floating-point codec kernels.
     */
    @Test
    void decodedAudioIsTheSynthesisedSignalExactly() throws Exception {
        Clip c = manifest.clips().get(0);
        float[] decoded = audioOf(manifest.resolve(c.video()));
        ClipPlan plan = CorpusGenerator.plan(cfg).clips().stream().filter(p -> p.clipId().equals(c.id())).findFirst().orElseThrow();
        float[] rendered = new SpeechSynthesizer(cfg.audioSampleRate()).render(plan);
        assertTrue(decoded.length >= rendered.length * 0.99, decoded.length + " decoded samples for " + rendered.length + " rendered");
        int n = Math.min(decoded.length, rendered.length);
        for (int i = 0; i < n; i++) {
            long expected = Math.max(-32768, Math.min(32767, Math.round(rendered[i] * 32768.0)));
            long got = Math.round(decoded[i] * 32768.0);
            if (Math.abs(expected - got) > 1) {
                throw new AssertionError(c.id() + " sample " + i + ": decoded " + got + ", synthesised " + expected + " (16-bit units)");
            }
        }
    }

    @Test
    void mp4HasBothStreamsExpectedFrameCountAndAudioLength() throws Exception {
        for (Clip c : manifest.clips()) {
            int frames = 0;
            long samples = 0;
            int rate;
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(manifest.resolve(c.video()).toFile())) {
                g.setSampleMode(FFmpegFrameGrabber.SampleMode.FLOAT);
                g.start();
                assertTrue(g.hasVideo(), c.id() + " has a video stream");
                assertTrue(g.hasAudio(), c.id() + " has an audio stream");
                assertEquals(cfg.width(), g.getImageWidth());
                assertEquals(cfg.height(), g.getImageHeight());
                assertEquals(1, g.getAudioChannels());
                rate = g.getSampleRate();
                assertEquals(cfg.audioSampleRate(), rate);
                Frame f;
                while ((f = g.grab()) != null) {
                    if (f.image != null) {
                        frames++;
                    }
                    if (f.samples != null) {
                        Buffer b = f.samples[0];
                        samples += b.limit() - b.position();
                    }
                }
                g.stop();
            }
            // the decoded audio still carries the planned pitch
            float[] pcm = audioOf(manifest.resolve(c.video()));
            ClipPlan plan = CorpusGenerator.plan(cfg).clips().stream().filter(p -> p.clipId().equals(c.id())).findFirst().orElseThrow();
            int checked = 0;
            int within = 0;
            for (Syllable s : plan.syllables()) {
                double voiced = s.end() - s.voicedStart();
                if (voiced >= 0.12) {
                    double centre = s.voicedStart() + voiced / 2;
                    double f0 = PitchProbe.autocorrelationPitch(pcm, rate, centre, 0.04, 60, 420);
                    checked++;
                    within += Math.abs(f0 - s.f0At(centre)) / s.f0At(centre) < 0.05 ? 1 : 0;
                }
            }
            assertTrue(checked >= 3 && within >= 0.9 * checked, c.id() + ": decoded pitch within 5% of plan for " + within + "/" + checked + " syllables");
            int expectedFrames = cfg.framesPerClip();
            assertTrue(Math.abs(frames - expectedFrames) <= 1, c.id() + ": decoded " + frames + " frames, expected " + expectedFrames + " +-1");
            double audioSeconds = samples / (double) rate;
            assertEquals(cfg.clipSeconds(), audioSeconds, 0.05, c.id() + ": decoded audio length in seconds");
        }
    }
}
