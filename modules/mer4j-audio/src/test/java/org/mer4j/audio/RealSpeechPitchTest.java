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

/** Prosody and MFCC on the RAVDESS wav (48 kHz, resampled to 16 kHz by MediaDecoder). */
class RealSpeechPitchTest {

    @Test
    void maleSpeechHasMedianVoicedF0InSpeechRange() throws Exception {
        String prop = System.getProperty("mer4j.shared.data");
        Path wav = (prop != null ? Path.of(prop) : Path.of("../../../shared/data"))
                .resolve("av-clips/03-01-08-02-01-01-19.wav").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(wav), "shared data file " + wav + " is absent: skipping the real-speech test");
        ClipSource src = new ClipSource(new Clip("ravdess", "19", null, wav.getFileName().toString(), null, null, null), null, wav, null);
        try (ExtractionSession prosody = new ProsodyExtractor(ProsodyConfig.defaults()).open(src);
             ExtractionSession mfcc = new MfccExtractor(MfccConfig.defaults()).open(src)) {
            new MediaDecoder().decode(src, DecodeConfig.defaults(), false, true, new MediaSink() {
                @Override
                public void onVideoFrame(VideoFrame frame) {
                }

                @Override
                public void onAudio(AudioChunk chunk) throws ClipFailedException {
                    prosody.onAudio(chunk);
                    mfcc.onAudio(chunk);
                }
            });
            FeatureTrack p = prosody.finish();
            FeatureTrack m = mfcc.finish();
            double median = Signals.medianVoicedF0(p);
            double voicedFraction = java.util.stream.IntStream.range(0, p.length())
                    .filter(i -> p.get(i, ProsodyAnalyzer.VOICED) > 0).count() / (double) p.length();
            System.out.printf("RAVDESS prosody: %d steps, voiced %.2f, median F0 %.1f Hz%n", p.length(), voicedFraction, median);
            assertTrue(median >= 75 && median <= 300, "median voiced F0 " + median);
            assertTrue(voicedFraction > 0.1 && voicedFraction < 0.9, "voiced fraction " + voicedFraction);
            assertEquals(p.length(), m.length(), "both tracks on the same 10 ms grid");
        }
    }
}
