package org.mer4j.audio;

/**
 * Fixed-lag Viterbi search over per-frame pitch candidates (the path finder of Boersma 1993): a
 * path scores the sum of its candidates' strengths minus {@code octaveJumpCost * |log2(f1/f2)|}
 * between voiced neighbours and {@code voicedUnvoicedCost} at each voicing change. Frame
 * {@code t - lag} is decided when frame {@code t} arrives, by tracing back from frame t's best
 * state, so memory and latency are bounded (lag hops) instead of holding the whole clip; this
 * suppresses octave jumps and isolated voicing flips like the full search does.
 */
final class PitchPathTracker {
    /** Receives decisions in frame order. */
    interface Decision {
        void accept(int frame, double f0, double r);
    }

    private final VoiceConfig cfg;
    private final int lag;
    private final PitchCandidates[] ring;
    private final double[][] score;
    private final int[][] back;
    private final double[] log2f;
    private int frames;
    private int decided;

    PitchPathTracker(VoiceConfig cfg, int lag) {
        this.cfg = cfg;
        this.lag = lag;
        int n = lag + 2;
        ring = new PitchCandidates[n];
        score = new double[n][AutocorrelationPitch.MAX_CANDIDATES];
        back = new int[n][AutocorrelationPitch.MAX_CANDIDATES];
        for (int i = 0; i < n; i++) {
            ring[i] = new PitchCandidates(AutocorrelationPitch.MAX_CANDIDATES);
        }
        log2f = new double[AutocorrelationPitch.MAX_CANDIDATES];
    }

    /** Adds the next frame's candidates; decides frame {@code t - lag} once there are enough. */
    void push(PitchCandidates c, Decision out) {
        int t = frames;
        int slot = t % ring.length;
        ring[slot].copyFrom(c);
        double[] s = score[slot];
        int[] b = back[slot];
        if (t == 0) {
            for (int j = 0; j < c.count; j++) {
                s[j] = c.strength[j];
                b[j] = 0;
            }
        } else {
            int ps = (t - 1) % ring.length;
            PitchCandidates p = ring[ps];
            double[] prev = score[ps];
            for (int i = 1; i < p.count; i++) {
                log2f[i] = Math.log(p.freq[i]) / Math.log(2);
            }
            for (int j = 0; j < c.count; j++) {
                double fj = c.freq[j] > 0 ? Math.log(c.freq[j]) / Math.log(2) : 0;
                double best = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int i = 0; i < p.count; i++) {
                    double cost;
                    boolean vi = i > 0;
                    boolean vj = j > 0;
                    if (vi && vj) {
                        cost = cfg.octaveJumpCost() * Math.abs(log2f[i] - fj);
                    } else if (vi != vj) {
                        cost = cfg.voicedUnvoicedCost();
                    } else {
                        cost = 0;
                    }
                    double v = prev[i] - cost;
                    if (v > best) {
                        best = v;
                        arg = i;
                    }
                }
                s[j] = best + c.strength[j];
                b[j] = arg;
            }
            // keep scores bounded over long streams
            double max = s[0];
            for (int j = 1; j < c.count; j++) {
                max = Math.max(max, s[j]);
            }
            for (int j = 0; j < c.count; j++) {
                s[j] -= max;
            }
        }
        frames++;
        if (frames - 1 - decided >= lag) {
            emitThrough(decided, out);
        }
    }

    /** Decides every remaining frame from the best final state. */
    void flush(Decision out) {
        while (decided < frames) {
            emitThrough(decided, out);
        }
    }

    /** Traces back from the newest frame's best state and emits frame {@code target}. */
    private void emitThrough(int target, Decision out) {
        int t = frames - 1;
        int slot = t % ring.length;
        int state = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < ring[slot].count; j++) {
            if (score[slot][j] > best) {
                best = score[slot][j];
                state = j;
            }
        }
        while (t > target) {
            state = back[t % ring.length][state];
            t--;
        }
        PitchCandidates c = ring[target % ring.length];
        out.accept(target, c.freq[state], c.r[state]);
        decided++;
    }
}
