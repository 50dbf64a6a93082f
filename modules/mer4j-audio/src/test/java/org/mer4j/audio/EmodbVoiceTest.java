package org.mer4j.audio;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mer4j.api.AudioChunk;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.VideoFrame;
import org.mer4j.media.DecodeConfig;
import org.mer4j.media.MediaDecoder;
import org.mer4j.media.MediaSink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** eGeMAPS on one EmoDB utterance (22.05 kHz wav, decoded to 16 kHz); skipped when the shared data is absent. */
class EmodbVoiceTest {

    @Test
    void maleUtteranceHasPlausibleVoiceDescriptors() throws Exception {
        String prop = System.getProperty("mer4j.shared.data");
        Path wav = (prop != null ? Path.of(prop) : Path.of("../../../shared/data"))
                .resolve("emodb/wav/03a01Nc.wav").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(wav), "shared data file " + wav + " is absent: skipping the EmoDB voice test");
        ClipSource src = new ClipSource(new Clip("emodb-03a01Nc", "03", null, wav.getFileName().toString(), null, null, null), null, wav, null);
        try (ExtractionSession lld = new EgemapsLldExtractor(VoiceConfig.defaults()).open(src);
             ExtractionSession fun = new EgemapsExtractor(EgemapsConfig.defaults()).open(src)) {
            new MediaDecoder().decode(src, DecodeConfig.defaults(), false, true, new MediaSink() {
                @Override
                public void onVideoFrame(VideoFrame frame) {
                }

                @Override
                public void onAudio(AudioChunk chunk) throws ClipFailedException {
                    lld.onAudio(chunk);
                    fun.onAudio(chunk);
                }
            });
            FeatureTrack t = lld.finish();
            FeatureTrack f = fun.finish();
            double f0 = f.get(0, EgemapsFunctionals.NAMES.indexOf("F0semitoneFrom27.5Hz_sma3nz_percentile50.0"));
            double hz = 27.5 * Math.pow(2, f0 / 12);
            System.out.printf("EmoDB 03a01Nc: %d hops, median F0 %.1f Hz, jitter %.4f, HNR %.1f dB%n", t.length(), hz,
                    f.get(0, EgemapsFunctionals.NAMES.indexOf("jitterLocal_sma3nz_amean")),
                    f.get(0, EgemapsFunctionals.NAMES.indexOf("HNRdBACF_sma3nz_amean")));
            assertTrue(hz > 80 && hz < 200, "male median F0 " + hz);
            assertEquals(94, f.dim());
            for (float v : f.values()) {
                assertTrue(Float.isFinite(v));
            }
            double f1 = f.get(0, EgemapsFunctionals.NAMES.indexOf("F1frequency_sma3nz_amean"));
            assertTrue(f1 > 250 && f1 < 900, "mean F1 " + f1);
        }
    }
}
