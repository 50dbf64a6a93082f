package org.mer4j.synth;

/** Test helper: normalised-autocorrelation pitch and RMS of a stretch of samples. */
final class PitchProbe {
    private PitchProbe() {
    }

    /** F0 (Hz) of the {@code window}-second stretch centred at {@code centre}, searched in minHz..maxHz. */
    static double autocorrelationPitch(float[] x, int sr, double centre, double window, double minHz, double maxHz) {
        int n = (int) (window * sr);
        int from = (int) Math.round(centre * sr) - n / 2;
        int minLag = (int) Math.floor(sr / maxHz);
        int maxLag = (int) Math.ceil(sr / minHz);
        double[] r = new double[maxLag + 2];
        for (int lag = minLag - 1; lag <= maxLag + 1; lag++) {
            double num = 0;
            double e0 = 0;
            double e1 = 0;
            for (int i = 0; i < n; i++) {
                double a = x[from + i];
                double b = x[from + i + lag];
                num += a * b;
                e0 += a * a;
                e1 += b * b;
            }
            r[lag] = num / Math.sqrt(e0 * e1 + 1e-12);
        }
        // first lag whose correlation is close to the global maximum (avoids octave-down errors)
        double best = -1;
        for (int lag = minLag; lag <= maxLag; lag++) {
            best = Math.max(best, r[lag]);
        }
        int pick = -1;
        for (int lag = minLag; lag <= maxLag; lag++) {
            if (r[lag] >= 0.9 * best && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1]) {
                pick = lag;
                break;
            }
        }
        double a = r[pick - 1];
        double b = r[pick];
        double c = r[pick + 1];
        double denom = a - 2 * b + c;
        double shift = denom == 0 ? 0 : 0.5 * (a - c) / denom;
        return sr / (pick + shift);
    }

    /** RMS of the samples between {@code start} and {@code end} seconds. */
    static double rms(float[] x, int sr, double start, double end) {
        int a = (int) Math.round(start * sr);
        int b = (int) Math.round(end * sr);
        double s = 0;
        for (int i = a; i < b; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s / Math.max(1, b - a));
    }
}
