package org.mer4j.audio;

import org.mer4j.api.AudioChunk;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipSource;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureTrack;

/** Synthetic test signals and a helper that runs an extractor over them in uneven chunks. */
final class Signals {
    private Signals() {
    }

    /** A harmonic tone: fundamental plus harmonics 2..5 with 1/h amplitudes. */
    static float[] harmonicTone(double f0, double seconds, int sampleRate) {
        float[] x = new float[(int) Math.round(seconds * sampleRate)];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) sampleRate;
            double s = 0;
            for (int h = 1; h <= 5; h++) {
                s += Math.sin(2 * Math.PI * f0 * h * t + h) / h;
            }
            x[i] = (float) (0.25 * s);
        }
        return x;
    }

    static ClipSource source(String id) {
        return new ClipSource(new Clip(id, "s", null, null, null, null, null), null, null, null);
    }

    static FeatureTrack run(FeatureExtractor ex, float[] samples, int sampleRate) throws Exception {
        try (ExtractionSession s = ex.open(source("c"))) {
            int pos = 0;
            int chunk = 777;
            while (pos < samples.length) {
                int n = Math.min(chunk, samples.length - pos);
                float[] c = new float[n];
                System.arraycopy(samples, pos, c, 0, n);
                s.onAudio(new AudioChunk(pos / (double) sampleRate, sampleRate, c));
                pos += n;
                chunk = chunk == 777 ? 1601 : 777;
            }
            return s.finish();
        }
    }

    static double median(double[] v) {
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        return c.length == 0 ? Double.NaN : c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    /** Median F0 in Hz over voiced steps of a prosody track. */
    static double medianVoicedF0(FeatureTrack t) {
        return median(java.util.stream.IntStream.range(0, t.length())
                .filter(i -> t.get(i, ProsodyAnalyzer.VOICED) > 0)
                .mapToDouble(i -> 27.5 * Math.pow(2, t.get(i, ProsodyAnalyzer.F0_SEMITONES) / 12.0)).toArray());
    }
}
