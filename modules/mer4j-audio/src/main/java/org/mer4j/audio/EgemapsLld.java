package org.mer4j.audio;

import java.util.List;

/**
 * Column layout of the {@code egemaps-lld} track: the 25 eGeMAPSv02 low-level descriptors (Eyben
 * et al., IEEE Trans. Affective Computing 2016) in openSMILE's LLD output order, with openSMILE's
 * names. {@code _sma3} columns are smoothed by a 3-hop moving average; {@code _sma3nz} columns are
 * defined on voiced hops only, smoothed over voiced neighbours, and are 0 on unvoiced hops (so F0 =
 * 0 means unvoiced).
 */
public final class EgemapsLld {
    public static final int LOUDNESS = 0;
    public static final int ALPHA_RATIO = 1;
    public static final int HAMMARBERG = 2;
    public static final int SLOPE_0_500 = 3;
    public static final int SLOPE_500_1500 = 4;
    public static final int SPECTRAL_FLUX = 5;
    public static final int MFCC1 = 6;
    public static final int F0_SEMITONE = 10;
    public static final int JITTER = 11;
    public static final int SHIMMER_DB = 12;
    public static final int HNR_DB = 13;
    public static final int H1_H2 = 14;
    public static final int H1_A3 = 15;
    /** F1 frequency; F{i} frequency, bandwidth and amplitude are at F1_FREQUENCY + 3(i-1) + {0,1,2}. */
    public static final int F1_FREQUENCY = 16;
    public static final int DIM = 25;
    /** First voiced-only ({@code nz}) column; all columns from here on are 0 when unvoiced. */
    public static final int FIRST_NZ = F0_SEMITONE;

    /** The 25 column names, in column order. */
    public static final List<String> NAMES = List.of(
            "Loudness_sma3", "alphaRatio_sma3", "hammarbergIndex_sma3", "slope0-500_sma3", "slope500-1500_sma3",
            "spectralFlux_sma3", "mfcc1_sma3", "mfcc2_sma3", "mfcc3_sma3", "mfcc4_sma3",
            "F0semitoneFrom27.5Hz_sma3nz", "jitterLocal_sma3nz", "shimmerLocaldB_sma3nz", "HNRdBACF_sma3nz",
            "logRelF0-H1-H2_sma3nz", "logRelF0-H1-A3_sma3nz",
            "F1frequency_sma3nz", "F1bandwidth_sma3nz", "F1amplitudeLogRelF0_sma3nz",
            "F2frequency_sma3nz", "F2bandwidth_sma3nz", "F2amplitudeLogRelF0_sma3nz",
            "F3frequency_sma3nz", "F3bandwidth_sma3nz", "F3amplitudeLogRelF0_sma3nz");

    private EgemapsLld() {
    }

    /** Column of formant {@code i} (1..3) frequency. */
    public static int formantFrequency(int i) {
        return F1_FREQUENCY + 3 * (i - 1);
    }

    /** Column of formant {@code i} (1..3) bandwidth. */
    public static int formantBandwidth(int i) {
        return F1_FREQUENCY + 3 * (i - 1) + 1;
    }

    /** Column of formant {@code i} (1..3) amplitude relative to H1. */
    public static int formantAmplitude(int i) {
        return F1_FREQUENCY + 3 * (i - 1) + 2;
    }
}
