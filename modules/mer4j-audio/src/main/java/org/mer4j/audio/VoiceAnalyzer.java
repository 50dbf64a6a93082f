package org.mer4j.audio;

import java.util.Arrays;

/**
 * Streaming eGeMAPSv02 low-level descriptor analysis (Eyben et al., "The Geneva Minimalistic
 * Acoustic Parameter Set (GeMAPS) for voice research and affective computing", IEEE Trans.
 * Affective Computing 7(2), 2016) on 10 ms hops of mono audio. Hop {@code k} is centred on sample
 * {@code k*hop + 12.5 ms}, like the 25 ms frames of {@code mfcc}; around that centre it computes
 * the spectral descriptors ({@link SpectralDescriptors}), LPC formants ({@link LpcFormants}) and
 * autocorrelation pitch candidates ({@link AutocorrelationPitch}); a fixed-lag Viterbi path
 * ({@link PitchPathTracker}) decides F0 30 hops later, then glottal periods are marked
 * ({@link PeriodMarker}) for jitter and shimmer, HNR comes from the chosen candidate's normalised
 * autocorrelation {@code r} as {@code 10 log10(r / (1 - r))} (Boersma 1993), and harmonic levels from
 * the pitch frame's spectrum ({@link HarmonicLevels}). Rows are smoothed by a 3-hop moving average
 * (voiced neighbours only for voiced-only columns) and handed to a {@link VoiceFrameListener}.
 *
 * <p>{@link #voiceQualityOnly} builds the same analysis limited to F0, voicing, jitter, shimmer and HNR
 * (the same pitch candidates, path, period marks and levels; the spectral, formant and harmonic-level
 * columns stay 0): the like-for-like counterpart of a Praat pitch + perturbation + HNR script, used by
 * the voice speed benchmark.
 *
 * <p>Only a fixed history of samples (about half a second) is kept, so memory does not grow with the
 * stream. Not thread-safe; one instance per stream.
 */
public final class VoiceAnalyzer {
    /** Hops between a frame's analysis and its F0 decision. */
    static final int LAG = 30;

    private final VoiceConfig cfg;
    private final int sampleRate;
    private final int hop;
    private final int specWindow;
    private final int pitchWindow;
    private final SampleRing ring;
    private final AutocorrelationPitch pitch;
    private final PitchPathTracker tracker;
    private final SpectralDescriptors spectral;
    private final LpcFormants lpc;
    private final HarmonicLevels harmonics;
    private final PeriodMarker marker;
    private final VoiceFrameListener listener;
    private final boolean allDescriptors;
    private final Slot[] slots;
    private final PitchCandidates candidates = new PitchCandidates(AutocorrelationPitch.MAX_CANDIDATES);
    private final float[] pitchFrame;
    private final float[] specFrame;
    private final double[] perturbation = new double[2];
    private final float[][] raw = new float[3][EgemapsLld.DIM];
    private final boolean[] rawVoiced = new boolean[3];
    private final double[] rawLevel = new double[3];
    private final float[] smoothed = new float[EgemapsLld.DIM];
    private int rawCount;
    private int nextFrame;
    private double globalPeak;
    private boolean finished;
    private double hnrSum;
    private long voicedFrames;
    private long frames;

    private static final class Slot {
        final float[] row = new float[EgemapsLld.DIM];
        final float[] pitchPower;
        final double[] formantFreq = new double[3];
        final double[] formantBw = new double[3];
        double levelDb;

        Slot(int bins) {
            pitchPower = new float[bins];
        }
    }

    /** The full eGeMAPS LLD analysis. */
    public VoiceAnalyzer(VoiceConfig cfg, int sampleRate, VoiceFrameListener listener) {
        this(cfg, sampleRate, listener, true);
    }

    /**
     * F0, voicing, jitter, shimmer and HNR only: the pitch pass, path, period marks and frame levels of
     * the full analysis, without the spectral descriptors, LPC formants and harmonic levels (their
     * columns are 0). F0, voicing, jitter, shimmer and HNR equal the full analysis's exactly.
     */
    public static VoiceAnalyzer voiceQualityOnly(VoiceConfig cfg, int sampleRate, VoiceFrameListener listener) {
        return new VoiceAnalyzer(cfg, sampleRate, listener, false);
    }

    private VoiceAnalyzer(VoiceConfig cfg, int sampleRate, VoiceFrameListener listener, boolean allDescriptors) {
        if (sampleRate < 8000) {
            throw new IllegalArgumentException("voice analysis needs audio at 8 kHz or more, got " + sampleRate
                    + " Hz; decode at 16000 Hz (decode.sampleRate)");
        }
        if (cfg.maxF0() > sampleRate / 4.0) {
            throw new IllegalArgumentException("voice.maxF0 " + cfg.maxF0() + " Hz is too high for " + sampleRate
                    + " Hz audio; keep it below a quarter of the sample rate");
        }
        this.cfg = cfg;
        this.sampleRate = sampleRate;
        this.listener = listener;
        this.allDescriptors = allDescriptors;
        this.hop = (int) Math.round(VoiceConfig.HOP_SECONDS * sampleRate);
        this.specWindow = (int) Math.round(0.025 * sampleRate);
        this.pitch = new AutocorrelationPitch(cfg, sampleRate);
        this.pitchWindow = pitch.window();
        this.tracker = new PitchPathTracker(cfg, LAG);
        this.spectral = new SpectralDescriptors(sampleRate, specWindow);
        this.lpc = new LpcFormants(sampleRate, specWindow);
        this.harmonics = new HarmonicLevels(sampleRate, pitch.fftSize());
        this.ring = new SampleRing((LAG + 8) * hop + 4 * pitchWindow + 4096);
        this.marker = new PeriodMarker(sampleRate, cfg, ring);
        this.slots = new Slot[LAG + 4];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot(pitch.fftSize() / 2 + 1);
        }
        this.pitchFrame = new float[pitchWindow];
        this.specFrame = new float[specWindow];
    }

    /** Samples per hop. */
    public int hopSamples() {
        return hop;
    }

    /** Feeds samples; rows come out through the listener about 0.3 s behind. */
    public void accept(float[] samples) {
        if (finished) {
            throw new IllegalStateException("voice analysis already finished");
        }
        int pos = 0;
        while (pos < samples.length) {
            int n = Math.min(hop, samples.length - pos);
            for (int i = pos; i < pos + n; i++) {
                float v = samples[i];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("audio sample " + (ring.written() + i - pos)
                            + " is not finite (" + v + "); the decoder must deliver finite samples in [-1, 1]");
                }
                globalPeak = Math.max(globalPeak, Math.abs(v));
            }
            ring.append(samples, pos, n);
            pos += n;
            while (frameEnd(nextFrame) <= ring.written()) {
                analyzeFrame(nextFrame++);
            }
        }
    }

    /** Analyses the zero-padded tail (a stream of N samples gives ceil(N / hop) rows) and flushes every row. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        while ((long) nextFrame * hop < ring.written()) {
            analyzeFrame(nextFrame++);
        }
        tracker.flush(this::decide);
        if (rawCount > 0) {
            emitSmoothed(rawCount - 1, true);
        }
    }

    /** Hops analysed and emitted so far. */
    public long frames() {
        return frames;
    }

    /** Clip jitter (local, fraction) over every measured period pair so far. */
    public double jitterLocal() {
        return marker.jitterLocal();
    }

    /** Clip shimmer (local, dB) over every measured period pair so far. */
    public double shimmerLocalDb() {
        return marker.shimmerLocalDb();
    }

    /** Mean HNR (dB) over the voiced hops so far; 0 when none. */
    public double meanHnrDb() {
        return voicedFrames > 0 ? hnrSum / voicedFrames : 0;
    }

    /** Voiced hops so far. */
    public long voicedFrames() {
        return voicedFrames;
    }

    /** Glottal periods measured so far. */
    public long periods() {
        return marker.periods();
    }

    private long frameEnd(int k) {
        return Math.max(centre(k) - pitchWindow / 2 + pitchWindow, (long) k * hop + specWindow);
    }

    private long centre(int k) {
        return (long) k * hop + specWindow / 2;
    }

    private void analyzeFrame(int k) {
        Slot s = slots[k % slots.length];
        long c = centre(k);
        ring.copy(c - pitchWindow / 2, pitchFrame, pitchWindow);
        ring.copy((long) k * hop, specFrame, specWindow);
        pitch.analyze(pitchFrame, globalPeak, s.pitchPower, candidates);
        s.levelDb = allDescriptors ? spectral.analyze(specFrame, specWindow, s.row) : SpectralDescriptors.levelDb(specFrame, specWindow);
        tracker.push(candidates, this::decide);
    }

    private void decide(int j, double f0, double r) {
        Slot s = slots[j % slots.length];
        int ri = j % 3;
        float[] row = raw[ri];
        System.arraycopy(s.row, 0, row, 0, EgemapsLld.DIM);
        Arrays.fill(row, EgemapsLld.FIRST_NZ, EgemapsLld.DIM, 0f);
        boolean voiced = f0 > 0 && s.levelDb > cfg.silenceDb();
        long c = centre(j);
        long regionStart = c - hop / 2;
        long regionEnd = regionStart + hop;
        marker.mark(regionStart, regionEnd, voiced ? f0 : 0);
        if (voiced) {
            row[EgemapsLld.F0_SEMITONE] = (float) Levels.semitonesReA0(f0);
            marker.recent(regionEnd, 0.06, perturbation);
            row[EgemapsLld.JITTER] = (float) perturbation[0];
            row[EgemapsLld.SHIMMER_DB] = (float) perturbation[1];
            double rc = Math.max(1e-5, Math.min(1 - 1e-5, r));
            double hnr = 10 * Math.log10(rc / (1 - rc));
            row[EgemapsLld.HNR_DB] = (float) hnr;
            hnrSum += hnr;
            voicedFrames++;
            if (allDescriptors) {
                // formants are reported on voiced hops only, so LPC runs only there (the samples are still in the ring)
                ring.copy((long) j * hop, specFrame, specWindow);
                lpc.analyze(specFrame);
                System.arraycopy(lpc.freq, 0, s.formantFreq, 0, 3);
                System.arraycopy(lpc.bandwidth, 0, s.formantBw, 0, 3);
                for (int i = 1; i <= 3; i++) {
                    row[EgemapsLld.formantFrequency(i)] = (float) s.formantFreq[i - 1];
                    row[EgemapsLld.formantBandwidth(i)] = (float) s.formantBw[i - 1];
                }
                harmonics.fill(s.pitchPower, f0, s.formantFreq, row);
            }
        }
        rawVoiced[ri] = voiced;
        rawLevel[ri] = s.levelDb;
        rawCount = j + 1;
        if (j >= 1) {
            emitSmoothed(j - 1, false);
        }
    }

    /** Emits hop {@code t} averaged with its neighbours t-1 and (unless last) t+1. */
    private void emitSmoothed(int t, boolean last) {
        int lo = Math.max(0, t - 1);
        int hi = last ? t : t + 1;
        boolean voiced = rawVoiced[t % 3];
        for (int d = 0; d < EgemapsLld.DIM; d++) {
            boolean nz = d >= EgemapsLld.FIRST_NZ;
            if (nz && !voiced) {
                smoothed[d] = 0f;
                continue;
            }
            double sum = 0;
            int n = 0;
            for (int u = lo; u <= hi; u++) {
                if (nz && !rawVoiced[u % 3]) {
                    continue;
                }
                float v = raw[u % 3][d];
                if (nz && d >= EgemapsLld.F1_FREQUENCY && v == 0f) {
                    continue;
                }
                sum += v;
                n++;
            }
            smoothed[d] = n > 0 ? (float) (sum / n) : 0f;
        }
        double level = rawLevel[t % 3];
        frames++;
        listener.onFrame(t, smoothed, voiced, level, level > cfg.silenceDb());
    }
}
