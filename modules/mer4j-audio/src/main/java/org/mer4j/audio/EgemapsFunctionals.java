package org.mer4j.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The 88 eGeMAPSv02 functionals (Eyben et al., IEEE Trans. Affective Computing 2016) over a
 * stretch of smoothed LLD hops, named and ordered as openSMILE writes them. Definitions (see the
 * module README for the mapping and the differences from openSMILE):
 * <ul>
 * <li>{@code amean} arithmetic mean; {@code stddevNorm} coefficient of variation = population
 * standard deviation / mean (signed; 0 when the mean is 0);</li>
 * <li>{@code percentileP} by linear interpolation between order statistics at {@code p(n-1)};
 * {@code pctlrange0-2} = percentile80 - percentile20;</li>
 * <li>rising (falling) slopes: the contour is cut at its turning points (and at voicing breaks for
 * F0); each rising (falling) part gives |value change| / duration in units per second; mean and
 * population standard deviation over the parts;</li>
 * <li>{@code nz} LLDs and {@code V} spectral LLDs over voiced hops, {@code UV} over unvoiced hops,
 * loudness, spectral flux and MFCCs over all hops;</li>
 * <li>{@code loudnessPeaksPerSec}: local maxima of the loudness contour per second;
 * voiced/unvoiced segments: maximal runs of voiced/unvoiced hops;</li>
 * <li>{@code equivalentSoundLevel_dBp}: {@code 10 log10(mean power)} of the hops' RMS levels, dBFS.</li>
 * </ul>
 * Every value is finite; an undefined functional (e.g. voiced statistics of a clip without voice)
 * is 0.
 */
public final class EgemapsFunctionals {
    /** The 88 names, in column order. */
    public static final List<String> NAMES;

    static {
        List<String> n = new ArrayList<>();
        for (String lld : new String[] {"F0semitoneFrom27.5Hz_sma3nz", "loudness_sma3"}) {
            for (String f : new String[] {"amean", "stddevNorm", "percentile20.0", "percentile50.0", "percentile80.0",
                    "pctlrange0-2", "meanRisingSlope", "stddevRisingSlope", "meanFallingSlope", "stddevFallingSlope"}) {
                n.add(lld + "_" + f);
            }
        }
        for (String lld : new String[] {"spectralFlux_sma3", "mfcc1_sma3", "mfcc2_sma3", "mfcc3_sma3", "mfcc4_sma3",
                "jitterLocal_sma3nz", "shimmerLocaldB_sma3nz", "HNRdBACF_sma3nz", "logRelF0-H1-H2_sma3nz",
                "logRelF0-H1-A3_sma3nz", "F1frequency_sma3nz", "F1bandwidth_sma3nz", "F1amplitudeLogRelF0_sma3nz",
                "F2frequency_sma3nz", "F2bandwidth_sma3nz", "F2amplitudeLogRelF0_sma3nz", "F3frequency_sma3nz",
                "F3bandwidth_sma3nz", "F3amplitudeLogRelF0_sma3nz", "alphaRatioV_sma3nz", "hammarbergIndexV_sma3nz",
                "slopeV0-500_sma3nz", "slopeV500-1500_sma3nz", "spectralFluxV_sma3nz", "mfcc1V_sma3nz", "mfcc2V_sma3nz",
                "mfcc3V_sma3nz", "mfcc4V_sma3nz"}) {
            n.add(lld + "_amean");
            n.add(lld + "_stddevNorm");
        }
        for (String lld : new String[] {"alphaRatioUV_sma3nz", "hammarbergIndexUV_sma3nz", "slopeUV0-500_sma3nz",
                "slopeUV500-1500_sma3nz", "spectralFluxUV_sma3nz"}) {
            n.add(lld + "_amean");
        }
        n.addAll(List.of("loudnessPeaksPerSec", "VoicedSegmentsPerSec", "MeanVoicedSegmentLengthSec",
                "StddevVoicedSegmentLengthSec", "MeanUnvoicedSegmentLength", "StddevUnvoicedSegmentLength",
                "equivalentSoundLevel_dBp"));
        NAMES = Collections.unmodifiableList(n);
    }

    /** Number of eGeMAPS functionals (88). */
    public static final int COUNT = 88;

    private enum Sel { ALL, VOICED, UNVOICED }

    private EgemapsFunctionals() {
    }

    /**
     * Computes the 88 functionals of rows {@code [from, to)}.
     *
     * @param out receives 88 values starting at {@code offset}
     */
    static void compute(LldBuffer b, int from, int to, double hop, double[] out, int offset) {
        int o = offset;
        double[] v = new double[Math.max(1, to - from)];
        // F0 (voiced) and loudness (all): 10 each
        o = contour(b, from, to, hop, EgemapsLld.F0_SEMITONE, true, v, out, o);
        o = contour(b, from, to, hop, EgemapsLld.LOUDNESS, false, v, out, o);
        int[][] pairs = {
            {EgemapsLld.SPECTRAL_FLUX, 0}, {EgemapsLld.MFCC1, 0}, {EgemapsLld.MFCC1 + 1, 0}, {EgemapsLld.MFCC1 + 2, 0},
            {EgemapsLld.MFCC1 + 3, 0}, {EgemapsLld.JITTER, 1}, {EgemapsLld.SHIMMER_DB, 1}, {EgemapsLld.HNR_DB, 1},
            {EgemapsLld.H1_H2, 1}, {EgemapsLld.H1_A3, 1},
            {16, 1}, {17, 1}, {18, 1}, {19, 1}, {20, 1}, {21, 1}, {22, 1}, {23, 1}, {24, 1},
            {EgemapsLld.ALPHA_RATIO, 1}, {EgemapsLld.HAMMARBERG, 1}, {EgemapsLld.SLOPE_0_500, 1},
            {EgemapsLld.SLOPE_500_1500, 1}, {EgemapsLld.SPECTRAL_FLUX, 1}, {EgemapsLld.MFCC1, 1},
            {EgemapsLld.MFCC1 + 1, 1}, {EgemapsLld.MFCC1 + 2, 1}, {EgemapsLld.MFCC1 + 3, 1}};
        for (int[] p : pairs) {
            boolean nzCol = p[0] >= EgemapsLld.FIRST_NZ;
            int n = select(b, from, to, p[0], p[1] == 1 ? Sel.VOICED : Sel.ALL, nzCol, v);
            double mean = mean(v, n);
            out[o++] = mean;
            out[o++] = cv(v, n, mean);
        }
        for (int col : new int[] {EgemapsLld.ALPHA_RATIO, EgemapsLld.HAMMARBERG, EgemapsLld.SLOPE_0_500,
                EgemapsLld.SLOPE_500_1500, EgemapsLld.SPECTRAL_FLUX}) {
            int n = select(b, from, to, col, Sel.UNVOICED, false, v);
            out[o++] = mean(v, n);
        }
        double dur = (to - from) * hop;
        int peaks = 0;
        for (int i = from + 1; i < to - 1; i++) {
            float p = b.get(i - 1, EgemapsLld.LOUDNESS);
            float c = b.get(i, EgemapsLld.LOUDNESS);
            float q = b.get(i + 1, EgemapsLld.LOUDNESS);
            if (c > p && c >= q) {
                peaks++;
            }
        }
        out[o++] = dur > 0 ? peaks / dur : 0;
        double[] voicedRuns = new double[to - from + 1];
        double[] unvoicedRuns = new double[to - from + 1];
        int nv = 0;
        int nu = 0;
        int i = from;
        while (i < to) {
            boolean vo = b.voiced(i);
            int j = i;
            while (j < to && b.voiced(j) == vo) {
                j++;
            }
            if (vo) {
                voicedRuns[nv++] = (j - i) * hop;
            } else {
                unvoicedRuns[nu++] = (j - i) * hop;
            }
            i = j;
        }
        out[o++] = dur > 0 ? nv / dur : 0;
        double mv = mean(voicedRuns, nv);
        out[o++] = mv;
        out[o++] = std(voicedRuns, nv, mv);
        double mu = mean(unvoicedRuns, nu);
        out[o++] = mu;
        out[o++] = std(unvoicedRuns, nu, mu);
        double power = 0;
        for (int r = from; r < to; r++) {
            power += Math.pow(10, b.get(r, LldBuffer.LEVEL_DB) / 10);
        }
        out[o++] = to > from && power > 0 ? Math.max(Levels.FLOOR_DB, 10 * Math.log10(power / (to - from))) : Levels.FLOOR_DB;
        if (o - offset != COUNT) {
            throw new IllegalStateException("computed " + (o - offset) + " functionals, expected " + COUNT);
        }
    }

    /** The 10 contour functionals of one LLD. */
    private static int contour(LldBuffer b, int from, int to, double hop, int col, boolean voicedOnly, double[] v, double[] out, int o) {
        int n = select(b, from, to, col, voicedOnly ? Sel.VOICED : Sel.ALL, voicedOnly, v);
        double mean = mean(v, n);
        out[o++] = mean;
        out[o++] = cv(v, n, mean);
        double[] sorted = Arrays.copyOf(v, n);
        Arrays.sort(sorted);
        double p20 = percentile(sorted, 0.2);
        double p50 = percentile(sorted, 0.5);
        double p80 = percentile(sorted, 0.8);
        out[o++] = p20;
        out[o++] = p50;
        out[o++] = p80;
        out[o++] = p80 - p20;
        Slopes s = new Slopes();
        int i = from;
        while (i < to) {
            if (voicedOnly && !b.voiced(i)) {
                i++;
                continue;
            }
            int j = i;
            while (j < to && (!voicedOnly || b.voiced(j))) {
                j++;
            }
            s.addRun(b, i, j, col, hop);
            i = j;
        }
        double mr = mean(s.rising, s.nr);
        double mf = mean(s.falling, s.nf);
        out[o++] = mr;
        out[o++] = std(s.rising, s.nr, mr);
        out[o++] = mf;
        out[o++] = std(s.falling, s.nf, mf);
        return o;
    }

    /** Rising and falling parts between turning points. */
    private static final class Slopes {
        double[] rising = new double[16];
        double[] falling = new double[16];
        int nr;
        int nf;

        void addRun(LldBuffer b, int from, int to, int col, double hop) {
            if (to - from < 2) {
                return;
            }
            int start = from;
            int dir = 0;
            for (int i = from + 1; i < to; i++) {
                double d = b.get(i, col) - b.get(i - 1, col);
                int sd = d > 0 ? 1 : d < 0 ? -1 : 0;
                if (sd == 0) {
                    continue;
                }
                if (dir != 0 && sd != dir) {
                    part(b, start, i - 1, col, hop);
                    start = i - 1;
                }
                dir = sd;
            }
            part(b, start, to - 1, col, hop);
        }

        private void part(LldBuffer b, int i0, int i1, int col, double hop) {
            if (i1 <= i0) {
                return;
            }
            double change = b.get(i1, col) - b.get(i0, col);
            double slope = Math.abs(change) / ((i1 - i0) * hop);
            if (change > 0) {
                if (nr == rising.length) {
                    rising = Arrays.copyOf(rising, nr * 2);
                }
                rising[nr++] = slope;
            } else if (change < 0) {
                if (nf == falling.length) {
                    falling = Arrays.copyOf(falling, nf * 2);
                }
                falling[nf++] = slope;
            }
        }
    }

    private static int select(LldBuffer b, int from, int to, int col, Sel sel, boolean nonZero, double[] v) {
        int n = 0;
        for (int i = from; i < to; i++) {
            boolean vo = b.voiced(i);
            if ((sel == Sel.VOICED && !vo) || (sel == Sel.UNVOICED && vo)) {
                continue;
            }
            float x = b.get(i, col);
            if (nonZero && x == 0f) {
                continue;
            }
            v[n++] = x;
        }
        return n;
    }

    static double mean(double[] v, int n) {
        if (n == 0) {
            return 0;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return s / n;
    }

    static double std(double[] v, int n, double mean) {
        if (n == 0) {
            return 0;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (v[i] - mean) * (v[i] - mean);
        }
        return Math.sqrt(s / n);
    }

    static double cv(double[] v, int n, double mean) {
        return mean != 0 ? std(v, n, mean) / mean : 0;
    }

    /** Linear interpolation between order statistics at {@code p (n-1)}; 0 for no values. */
    static double percentile(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            return 0;
        }
        double pos = p * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(n - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
