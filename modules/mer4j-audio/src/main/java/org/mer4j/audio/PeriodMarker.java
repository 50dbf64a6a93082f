package org.mer4j.audio;

/**
 * Glottal period marks and the per-period perturbation measures jitter and shimmer, in the manner
 * of Praat's cross-correlation point process ({@code To PointProcess (cc)}, Boersma): inside voiced
 * hops the first mark is the waveform maximum of the first period; each next mark is the shift
 * that maximises the normalised cross-correlation of one period around the previous mark with one
 * period around the candidate: the local maximum reached by hill-climbing from the expected period
 * T (from the F0 track), kept within {@code [0.8 T, 1.25 T]} and refined to a fraction of a sample
 * by parabolic interpolation. A chain breaks at unvoiced hops or when the correlation
 * falls below 0.5. Each period contributes its length and its peak-to-peak amplitude.
 *
 * <p>Jitter (local) is the mean absolute difference of consecutive periods over the mean period;
 * shimmer (local, dB) is the mean of {@code |20 log10(A[i+1]/A[i])|} over consecutive periods; as in
 * Praat, a pair counts only when both periods lie in [0.1 ms, 20 ms] (or {@code 1.25/minF0} when
 * that is longer), their ratio is at most 1.3 and, for shimmer, the amplitude ratio at most 1.6.
 * Clip totals are kept as running sums, per-hop values over the periods of the last 60 ms.
 */
final class PeriodMarker {
    private static final int RECENT = 64;
    private final int sampleRate;
    private final SampleRing ring;
    private final double maxPeriod;
    private final double minPeriod;
    private float[] seg = new float[4096];
    private double lastPulse = Double.NaN;

    private final double[] recentEnd = new double[RECENT];
    private final double[] recentPeriod = new double[RECENT];
    private final double[] recentAmp = new double[RECENT];
    private final boolean[] recentLinked = new boolean[RECENT];
    private int recentCount;

    private double sumPeriods;
    private long nPeriods;
    private double sumAbsDiff;
    private long nDiffs;
    private double sumShimmer;
    private long nShimmer;

    PeriodMarker(int sampleRate, VoiceConfig cfg, SampleRing ring) {
        this.sampleRate = sampleRate;
        this.ring = ring;
        this.minPeriod = 0.0001;
        this.maxPeriod = Math.max(0.02, 1.25 / cfg.minF0());
    }

    /** Marks the periods whose next mark falls in {@code [regionStart, regionEnd)}; {@code f0 <= 0} breaks the chain. */
    void mark(long regionStart, long regionEnd, double f0) {
        if (!(f0 > 0)) {
            lastPulse = Double.NaN;
            return;
        }
        double t = sampleRate / f0;
        int half = (int) Math.round(t / 2);
        if (Double.isNaN(lastPulse) || lastPulse < regionStart - 2 * t) {
            int n = (int) Math.ceil(t);
            ensure(n);
            ring.copy(regionStart, seg, n);
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (seg[i] > seg[best]) {
                    best = i;
                }
            }
            lastPulse = regionStart + best;
            markLinked(false);
        }
        while (lastPulse + t < regionEnd) {
            int dMin = Math.max(1, (int) Math.floor(0.8 * t));
            int dMax = (int) Math.ceil(1.25 * t);
            long a0 = Math.round(lastPulse) - half;
            int len = 2 * half + 1;
            int total = dMax + 1 + len + 1;
            ensure(total);
            ring.copy(a0, seg, total);
            double saa = 0;
            for (int i = 0; i < len; i++) {
                saa += seg[i] * (double) seg[i];
            }
            // hill-climb the normalised cross-correlation from the expected lag to its local maximum
            int d = Math.max(dMin, Math.min(dMax, (int) Math.round(t)));
            double rHere = cc(d, len, saa);
            double rLeft = cc(d - 1, len, saa);
            double rRight = cc(d + 1, len, saa);
            while (true) {
                if (rRight > rHere && d < dMax) {
                    d++;
                    rLeft = rHere;
                    rHere = rRight;
                    rRight = cc(d + 1, len, saa);
                } else if (rLeft > rHere && d > dMin) {
                    d--;
                    rRight = rHere;
                    rHere = rLeft;
                    rLeft = cc(d - 1, len, saa);
                } else {
                    break;
                }
            }
            int bestD = d;
            double bestR = rHere;
            double rBestPrev = rLeft;
            double rBestNext = rRight;
            if (bestR < 0.5) {
                lastPulse = Double.NaN;
                return;
            }
            double den = rBestPrev - 2 * bestR + rBestNext;
            double dx = den < 0 ? 0.5 * (rBestPrev - rBestNext) / den : 0;
            dx = Math.max(-0.5, Math.min(0.5, dx));
            double period = bestD + dx;
            // peak-to-peak amplitude over the period that starts at the previous mark
            int off = (int) (Math.round(lastPulse) - a0);
            float max = Float.NEGATIVE_INFINITY;
            float min = Float.POSITIVE_INFINITY;
            for (int i = off; i < off + bestD && i < total; i++) {
                max = Math.max(max, seg[i]);
                min = Math.min(min, seg[i]);
            }
            double amp = max - min;
            lastPulse += period;
            record(lastPulse, period / sampleRate, amp);
        }
    }

    private boolean pendingUnlinked;

    /** Normalised cross-correlation of the period at the previous mark with the one {@code d} samples later. */
    private double cc(int d, int len, double saa) {
        double sab = 0;
        double sbb = 0;
        for (int i = 0; i < len; i++) {
            double b = seg[d + i];
            sab += seg[i] * b;
            sbb += b * b;
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
    }

    private void markLinked(boolean linked) {
        pendingUnlinked = !linked;
    }

    private void record(double end, double period, double amp) {
        int i = recentCount % RECENT;
        int p = (recentCount - 1 + RECENT) % RECENT;
        boolean linked = !pendingUnlinked && recentCount > 0;
        pendingUnlinked = false;
        recentEnd[i] = end;
        recentPeriod[i] = period;
        recentAmp[i] = amp;
        recentLinked[i] = linked;
        recentCount++;
        boolean ok = period >= minPeriod && period <= maxPeriod;
        if (ok) {
            sumPeriods += period;
            nPeriods++;
        }
        if (linked && ok) {
            double q = recentPeriod[p];
            if (q >= minPeriod && q <= maxPeriod && Math.max(q, period) / Math.min(q, period) <= 1.3) {
                sumAbsDiff += Math.abs(period - q);
                nDiffs++;
                double a = recentAmp[p];
                if (a > 0 && amp > 0 && Math.max(a, amp) / Math.min(a, amp) <= 1.6) {
                    sumShimmer += Math.abs(20 * Math.log10(amp / a));
                    nShimmer++;
                }
            }
        }
    }

    /** Local jitter (fraction) and shimmer (dB) over the periods ending in the {@code seconds} before {@code end}; zeros when fewer than two linked periods. */
    void recent(long end, double seconds, double[] out) {
        double from = end - seconds * sampleRate;
        double sumP = 0;
        int np = 0;
        double sumD = 0;
        int nd = 0;
        double sumS = 0;
        int ns = 0;
        int count = Math.min(recentCount, RECENT);
        for (int k = 0; k < count; k++) {
            int i = (recentCount - 1 - k) % RECENT;
            if (recentEnd[i] > end) {
                continue;
            }
            if (recentEnd[i] < from) {
                break;
            }
            double period = recentPeriod[i];
            sumP += period;
            np++;
            if (recentLinked[i] && k + 1 < count) {
                int p = (recentCount - 2 - k) % RECENT;
                if (recentEnd[p] >= from - period * sampleRate) {
                    double q = recentPeriod[p];
                    if (Math.max(q, period) / Math.min(q, period) <= 1.3) {
                        sumD += Math.abs(period - q);
                        nd++;
                        double a = recentAmp[p];
                        double b = recentAmp[i];
                        if (a > 0 && b > 0) {
                            sumS += Math.abs(20 * Math.log10(b / a));
                            ns++;
                        }
                    }
                }
            }
        }
        out[0] = nd > 0 && sumP > 0 ? (sumD / nd) / (sumP / np) : 0;
        out[1] = ns > 0 ? sumS / ns : 0;
    }

    /** Clip jitter (local) as a fraction; 0 when no period pair qualified. */
    double jitterLocal() {
        return nDiffs > 0 && nPeriods > 0 ? (sumAbsDiff / nDiffs) / (sumPeriods / nPeriods) : 0;
    }

    /** Clip shimmer (local, dB); 0 when no pair qualified. */
    double shimmerLocalDb() {
        return nShimmer > 0 ? sumShimmer / nShimmer : 0;
    }

    /** Periods measured so far. */
    long periods() {
        return nPeriods;
    }

    private void ensure(int n) {
        if (seg.length < n) {
            seg = new float[Math.max(n, 2 * seg.length)];
        }
    }
}
