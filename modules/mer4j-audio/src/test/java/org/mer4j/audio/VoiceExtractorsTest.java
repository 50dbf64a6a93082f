package org.mer4j.audio;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.mer4j.api.AudioChunk;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureExtractorProvider;
import org.mer4j.api.FeatureTrack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VoiceExtractorsTest {
    static final int FS = 16000;

    /** 1 s of voiced pulse train, 0.6 s silence, 1 s voiced, 0.4 s silence. */
    static float[] speechWithPause() {
        float[] v = VoiceSignals.pulseTrain(130, 1.0, FS, 0.005, 0.2, new double[] {600, 1100, 2500}, new double[] {80, 90, 120}, 5);
        float[] x = new float[(int) (3.0 * FS)];
        System.arraycopy(v, 0, x, 0, v.length);
        System.arraycopy(v, 0, x, (int) (1.6 * FS), v.length);
        return VoiceSignals.addNoise(x, 0.0005, 9);
    }

    @Test
    void providersAreRegisteredWithDefaults() {
        Map<String, FeatureExtractorProvider<?>> byName = new HashMap<>();
        for (FeatureExtractorProvider<?> p : ServiceLoader.load(FeatureExtractorProvider.class)) {
            byName.put(p.name(), p);
        }
        for (String n : List.of("egemaps-lld", "egemaps", "vad", "logmel", "mfcc", "prosody")) {
            assertTrue(byName.containsKey(n), "provider " + n + " registered");
            assertTrue(byName.get(n).defaultConfig() != null);
        }
    }

    @Test
    void lldTrackHasTwentyFiveFiniteColumnsOnTheHopGrid() throws Exception {
        FeatureTrack t = Signals.run(new EgemapsLldExtractor(VoiceConfig.defaults()), speechWithPause(), FS);
        assertEquals(300, t.length());
        assertEquals(25, t.dim());
        assertEquals(0.01, t.times()[1] - t.times()[0], 1e-12);
        for (float v : t.values()) {
            assertTrue(Float.isFinite(v));
        }
        assertTrue(t.get(50, EgemapsLld.F0_SEMITONE) > 0, "voiced in the first stretch");
        assertEquals(0f, t.get(130, EgemapsLld.F0_SEMITONE), "unvoiced in the pause");
        double hz = 27.5 * Math.pow(2, t.get(50, EgemapsLld.F0_SEMITONE) / 12.0);
        assertEquals(130, hz, 2);
    }

    @Test
    void functionalsWholeClipAndSegments() throws Exception {
        FeatureTrack whole = Signals.run(new EgemapsExtractor(EgemapsConfig.defaults()), speechWithPause(), FS);
        assertEquals(1, whole.length());
        assertEquals(94, whole.dim(), "88 eGeMAPS + 6 pause columns");
        assertEquals(0.0, whole.times()[0]);
        float[] row = whole.row(0);
        for (float v : row) {
            assertTrue(Float.isFinite(v));
        }
        int vps = EgemapsFunctionals.NAMES.indexOf("VoicedSegmentsPerSec");
        assertEquals(2 / 3.0, row[vps], 0.35, "two voiced stretches in 3 s");
        int meanVoiced = EgemapsFunctionals.NAMES.indexOf("MeanVoicedSegmentLengthSec");
        assertEquals(1.0, row[meanVoiced], 0.15);
        int pauses = 88 + PauseStats.NAMES.indexOf("pausesPerSec");
        assertEquals(1 / 3.0, row[pauses], 1e-3, "one pause between the two stretches");
        int maxPause = 88 + PauseStats.NAMES.indexOf("maxPauseSec");
        assertEquals(0.6, row[maxPause], 0.1);

        FeatureTrack seg = Signals.run(new EgemapsExtractor(new EgemapsConfig(null, null, 1.0, false)), speechWithPause(), FS);
        assertEquals(3, seg.length());
        assertEquals(88, seg.dim());
        assertArrayEquals(new double[] {0, 1, 2}, seg.times(), 1e-9);
    }

    @Test
    void vadMarksSpeechPausesAndSyllables() throws Exception {
        FeatureTrack t = Signals.run(new VadExtractor(VadConfig.defaults()), speechWithPause(), FS);
        assertEquals(6, t.dim());
        assertEquals(1f, t.get(50, VadExtractor.SPEECH));
        assertEquals(0f, t.get(150, VadExtractor.SPEECH), "pause after the hangover");
        assertTrue(t.get(150, VadExtractor.PAUSE_SO_FAR) > 0.3f);
        assertEquals(1f, t.get(299, VadExtractor.PAUSES_SO_FAR), "one pause between speech");
        for (float v : t.values()) {
            assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void sessionsOfOneClipShareOnePassAndMatchSeparateRuns() throws Exception {
        float[] x = speechWithPause();
        FeatureTrack alone = Signals.run(new EgemapsLldExtractor(VoiceConfig.defaults()), x, FS);
        ClipSource src = Signals.source("shared");
        FeatureExtractor lld = new EgemapsLldExtractor(VoiceConfig.defaults());
        FeatureExtractor vad = new VadExtractor(VadConfig.defaults());
        try (ExtractionSession a = lld.open(src); ExtractionSession b = vad.open(src)) {
            for (int pos = 0; pos < x.length; pos += 1000) {
                float[] c = java.util.Arrays.copyOfRange(x, pos, Math.min(x.length, pos + 1000));
                AudioChunk chunk = new AudioChunk(pos / (double) FS, FS, c);
                a.onAudio(chunk);
                b.onAudio(chunk);
            }
            FeatureTrack ta = a.finish();
            FeatureTrack tb = b.finish();
            assertArrayEquals(alone.values(), ta.values(), "shared pass equals a separate pass");
            assertEquals(ta.length(), tb.length());
        }
    }

    @Test
    void logMelHasConfiguredBandsAndFiniteSilence() throws Exception {
        FeatureTrack t = Signals.run(new LogMelExtractor(new LogMelConfig(40, 0.01, 0.025, 20, 8000, -60)), new float[8000], FS);
        assertEquals(40, t.dim());
        assertEquals(50, t.length());
        assertEquals(LogMelAnalyzer.FLOOR, t.get(10, 0));
        FeatureTrack tone = Signals.run(new LogMelExtractor(LogMelConfig.defaults()), Signals.harmonicTone(200, 0.5, FS), FS);
        assertEquals(64, tone.dim());
        assertTrue(tone.mask()[20]);
    }

    @Test
    void badConfigsNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VoiceConfig.defaults().withRange(600, 75));
        assertTrue(e.getMessage().contains("voice.minF0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EgemapsConfig(null, null, 0.01, true));
        assertTrue(e.getMessage().contains("egemaps.segmentSeconds"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PauseConfig(1, 0.2, 0.25, 3, 2, 25));
        assertTrue(e.getMessage().contains("pauses.marginDb"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LogMelConfig(2, 0.01, 0.025, 20, 8000, -60));
        assertTrue(e.getMessage().contains("logmel.melBands"), e.getMessage());
    }

    @Test
    void silenceAndHardClippingGiveFiniteFunctionals() throws Exception {
        float[] clipped = Signals.harmonicTone(180, 1.0, FS);
        for (int i = 0; i < clipped.length; i++) {
            clipped[i] = clipped[i] > 0 ? 1f : -1f;
        }
        for (float[] x : new float[][] {new float[FS], clipped}) {
            FeatureTrack t = Signals.run(new EgemapsExtractor(EgemapsConfig.defaults()), x, FS);
            for (int i = 0; i < t.dim(); i++) {
                assertTrue(Float.isFinite(t.get(0, i)), "column " + i);
            }
        }
        FeatureTrack silent = Signals.run(new EgemapsExtractor(EgemapsConfig.defaults()), new float[FS], FS);
        assertEquals((float) Levels.FLOOR_DB, silent.get(0, EgemapsFunctionals.NAMES.indexOf("equivalentSoundLevel_dBp")));
        assertEquals(0f, silent.get(0, EgemapsFunctionals.NAMES.indexOf("F0semitoneFrom27.5Hz_sma3nz_amean")));
        assertTrue(!silent.mask()[0], "a silent clip's row is masked");
    }
}
