package org.mer4j.media;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The RAVDESS take in /work/shared/data/av-clips: silent 720x720 mp4 + 48 kHz wav. */
class RealClipDecodeTest {

    static Path shared(String rel) {
        String prop = System.getProperty("mer4j.shared.data");
        Path p = (prop != null ? Path.of(prop) : Path.of("../../../shared/data")).resolve(rel).toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(p), "shared data file " + p + " is absent: skipping the real-data test");
        return p;
    }

    @Test
    void decodesRavdessVideoAndSeparateWav() throws Exception {
        Path mp4 = shared("av-clips/01-01-08-02-01-01-19.mp4");
        Path wav = shared("av-clips/03-01-08-02-01-01-19.wav");
        RecordingSink sink = new RecordingSink();
        long t0 = System.nanoTime();
        DecodeSummary s = new MediaDecoder().decode(TestMedia.source("ravdess", mp4, wav), DecodeConfig.defaults(), true, true, sink);
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("RAVDESS decode: %s in %.0f ms%n", s, ms);
        // 4.07 s at 10 fps
        assertTrue(s.framesDelivered() >= 40 && s.framesDelivered() <= 42, "frames " + s.framesDelivered());
        assertEquals(640, s.width(), "720 wide downscaled to 640");
        assertEquals(640, s.height());
        assertEquals(29.97, s.sourceFps(), 0.01);
        MediaInfo wavInfo = MediaProbe.probe(wav);
        assertEquals(48000, wavInfo.sampleRate());
        assertEquals(wavInfo.durationSeconds(), s.audioSeconds(), 0.05);
    }
}
