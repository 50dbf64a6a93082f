package org.mer4j.audio;

/**
 * The spectral eGeMAPS descriptors of one 25 ms Hamming frame (Eyben et al., "The Geneva Minimalistic
 * Acoustic Parameter Set (GeMAPS) for voice research and affective computing", IEEE Trans.
 * Affective Computing 7(2), 2016):
 * <ul>
 * <li>loudness: a perceptual-loudness approximation: power summed in critical bands of one Bark
 * (Zwicker's Bark formula), weighted by the equal-loudness curve of Hermansky's PLP ("Perceptual
 * linear predictive analysis of speech", JASA 1990), compressed by the intensity-loudness power law
 * {@code ^0.3} and summed over bands (relative, sone-like units; silence gives 0);</li>
 * <li>alpha ratio: {@code 10 log10(E[1-5 kHz] / E[50 Hz-1 kHz])} in dB;</li>
 * <li>Hammarberg index: {@code 10 log10(maxP[0-2 kHz] / maxP[2-5 kHz])} in dB;</li>
 * <li>spectral slopes: least-squares slope of the power spectrum in dB over 0-500 Hz and
 * 500-1500 Hz, in dB/Hz;</li>
 * <li>spectral flux: sum over bins of the squared change of the magnitude spectrum since the
 * previous frame;</li>
 * <li>MFCC 1-4: HTK-style cepstrum over 26 mel bands, 20-8000 Hz (see {@link MelCepstrum}).</li>
 * </ul>
 * All outputs are finite: band ratios use a 1e-12 floor, so silence gives 0 dB ratios.
 */
final class SpectralDescriptors {
    static final double EPS = 1e-12;
    private final int sampleRate;
    private final PowerSpectrum spectrum;
    private final double[] power;
    private final double[] magnitude;
    private final double[] previousMagnitude;
    private final int[] barkBand;
    private final double[] equalLoudness;
    private final double[] bandSum;
    private final double[][] mel;
    private final int[] melFirst;
    private final int[] melLast;
    private final double[][] dct;
    private final double[] logMel;
    private final double binHz;
    private boolean hasPrevious;

    SpectralDescriptors(int sampleRate, int window) {
        this.sampleRate = sampleRate;
        this.spectrum = new PowerSpectrum(window);
        int bins = spectrum.bins();
        this.binHz = sampleRate / (double) spectrum.fftSize();
        this.power = new double[bins];
        this.magnitude = new double[bins];
        this.previousMagnitude = new double[bins];
        this.barkBand = new int[bins];
        this.equalLoudness = new double[bins];
        int maxBand = 0;
        for (int k = 0; k < bins; k++) {
            double f = k * binHz;
            double bark = 13 * Math.atan(0.00076 * f) + 3.5 * Math.atan(Math.pow(f / 7500, 2));
            barkBand[k] = (int) Math.floor(bark);
            maxBand = Math.max(maxBand, barkBand[k]);
            double w2 = Math.pow(2 * Math.PI * f, 2);
            equalLoudness[k] = f < 20 ? 0 : (w2 + 56.8e6) * w2 * w2 / (Math.pow(w2 + 6.3e6, 2) * (w2 + 0.38e9)) / 1.0;
        }
        // normalise the curve to 1 at its maximum (about 1 kHz and up)
        double eMax = 0;
        for (double e : equalLoudness) {
            eMax = Math.max(eMax, e);
        }
        for (int k = 0; k < bins; k++) {
            equalLoudness[k] /= eMax;
        }
        this.bandSum = new double[maxBand + 1];
        this.mel = MelCepstrum.melFilters(26, spectrum.fftSize(), sampleRate, 20, Math.min(8000, sampleRate / 2.0));
        this.melFirst = new int[mel.length];
        this.melLast = new int[mel.length];
        for (int m = 0; m < mel.length; m++) {
            melFirst[m] = bins;
            melLast[m] = -1;
            for (int k = 0; k < bins; k++) {
                if (mel[m][k] != 0) {
                    melFirst[m] = Math.min(melFirst[m], k);
                    melLast[m] = k;
                }
            }
        }
        this.dct = MelCepstrum.dctMatrix(5, 26);
        this.logMel = new double[26];
    }

    /** RMS level in dBFS (floored at -100) of the first {@code length} samples of a frame. */
    static double levelDb(float[] frame, int length) {
        double ss = 0;
        for (int i = 0; i < length; i++) {
            ss += frame[i] * (double) frame[i];
        }
        return ss > 0 ? Math.max(Levels.FLOOR_DB, 10 * Math.log10(ss / length)) : Levels.FLOOR_DB;
    }

    /**
     * Computes the descriptors of a frame into {@code row} at the eGeMAPS LLD columns.
     *
     * @return the frame's RMS level in dBFS (floored at -100)
     */
    double analyze(float[] frame, int length, float[] row) {
        double levelDb = levelDb(frame, length);
        spectrum.compute(frame, power);
        int bins = power.length;
        java.util.Arrays.fill(bandSum, 0);
        double eLow = 0;
        double eHigh = 0;
        double pLow = 0;
        double pHigh = 0;
        double flux = 0;
        for (int k = 0; k < bins; k++) {
            double p = power[k];
            double f = k * binHz;
            bandSum[barkBand[k]] += p * equalLoudness[k];
            if (f >= 50 && f < 1000) {
                eLow += p;
            } else if (f >= 1000 && f <= 5000) {
                eHigh += p;
            }
            if (f < 2000) {
                pLow = Math.max(pLow, p);
            } else if (f <= 5000) {
                pHigh = Math.max(pHigh, p);
            }
            magnitude[k] = Math.sqrt(p);
            if (hasPrevious) {
                double d = magnitude[k] - previousMagnitude[k];
                flux += d * d;
            }
        }
        System.arraycopy(magnitude, 0, previousMagnitude, 0, bins);
        hasPrevious = true;
        double loud = 0;
        for (double b : bandSum) {
            loud += Math.pow(b, 0.3);
        }
        row[EgemapsLld.LOUDNESS] = (float) loud;
        row[EgemapsLld.ALPHA_RATIO] = (float) (10 * Math.log10((eHigh + EPS) / (eLow + EPS)));
        row[EgemapsLld.HAMMARBERG] = (float) (10 * Math.log10((pLow + EPS) / (pHigh + EPS)));
        row[EgemapsLld.SLOPE_0_500] = (float) slopeDbPerHz(0, 500);
        row[EgemapsLld.SLOPE_500_1500] = (float) slopeDbPerHz(500, 1500);
        row[EgemapsLld.SPECTRAL_FLUX] = (float) flux;
        for (int m = 0; m < mel.length; m++) {
            double e = 0;
            for (int k = melFirst[m]; k <= melLast[m]; k++) {
                e += mel[m][k] * power[k];
            }
            logMel[m] = Math.log(Math.max(e, 1e-10));
        }
        for (int c = 1; c <= 4; c++) {
            double s = 0;
            for (int m = 0; m < logMel.length; m++) {
                s += dct[c][m] * logMel[m];
            }
            row[EgemapsLld.MFCC1 + c - 1] = (float) s;
        }
        return levelDb;
    }

    private double slopeDbPerHz(double fromHz, double toHz) {
        int k0 = (int) Math.ceil(fromHz / binHz);
        int k1 = Math.min(power.length - 1, (int) Math.floor(toHz / binHz));
        int n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int k = k0; k <= k1; k++) {
            double x = k * binHz;
            double y = 10 * Math.log10(power[k] + EPS);
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double den = n * sxx - sx * sx;
        return n < 2 || den == 0 ? 0 : (n * sxy - sx * sy) / den;
    }
}
