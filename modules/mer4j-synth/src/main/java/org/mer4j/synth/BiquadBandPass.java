package org.mer4j.synth;

/**
 * A second-order band-pass resonator (constant 0 dB peak gain) from R. Bristow-Johnson's
 * "Cookbook formulae for audio EQ biquad filter coefficients", run in direct form I. Used as a
 * formant resonator of the source-filter speech model (Fant 1960).
 */
public final class BiquadBandPass {
    private final double b0;
    private final double b2;
    private final double a1;
    private final double a2;
    private double x1;
    private double x2;
    private double y1;
    private double y2;

    /**
     * @param sampleRate sample rate in Hz
     * @param centreHz centre frequency, below the Nyquist frequency
     * @param bandwidthHz -3 dB bandwidth in Hz
     */
    public BiquadBandPass(double sampleRate, double centreHz, double bandwidthHz) {
        if (!(centreHz > 0 && centreHz < sampleRate / 2) || !(bandwidthHz > 0)) {
            throw new IllegalArgumentException("band-pass needs 0 < centre < " + sampleRate / 2 + " Hz and bandwidth > 0, got centre="
                    + centreHz + " bandwidth=" + bandwidthHz);
        }
        double w0 = 2 * Math.PI * centreHz / sampleRate;
        double q = centreHz / bandwidthHz;
        double alpha = Math.sin(w0) / (2 * q);
        double a0 = 1 + alpha;
        b0 = alpha / a0;
        b2 = -alpha / a0;
        a1 = -2 * Math.cos(w0) / a0;
        a2 = (1 - alpha) / a0;
    }

    /** Filters one sample. */
    public double process(double x) {
        double y = b0 * x + b2 * x2 - a1 * y1 - a2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }
}
