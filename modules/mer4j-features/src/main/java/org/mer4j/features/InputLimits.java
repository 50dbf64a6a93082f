package org.mer4j.features;

import java.util.Locale;

/**
 * Limits on inputs that are absurd for their clip ({@code features.limits} in an experiment
 * config). Each violation skips the one clip with a reason that names the file, the value and the
 * limit; the run goes on. Every field may be left out for its default.
 *
 * <p>The clip's duration these limits compare against is its manifest {@code duration} when given,
 * else the duration its media container declares (read from the header, no decoding). Clips
 * without either (transcript only, no duration) are not checked against a duration.
 *
 * @param maxTranscriptBytes a transcript file larger than this is not read; reason
 *     {@value #TRANSCRIPT_TOO_LARGE} (default 5,000,000 bytes; a one-hour word CSV is about 1 MB)
 * @param maxWordsPastEndSeconds a transcript word may end at most this long after the clip's
 *     duration; reason {@value #WORDS_PAST_END} (default 2.0 s). This also catches a single-frame
 *     clip with seconds of transcript, and a transcript in the wrong time unit
 * @param minDecodedDurationRatio a media file whose decoded duration is below this fraction of the
 *     duration its container declares is truncated; reason {@code truncated-media} (default 0.9;
 *     0 turns the check off)
 * @param maxLabelsPastEndSeconds label segments ({@code labels.ahSegments},
 *     {@code labels.inconsistentSegments}) and trace samples may end at most this long after the
 *     clip's duration; reason {@value #LABELS_PAST_END} (default 0.5 s)
 */
public record InputLimits(Long maxTranscriptBytes, Double maxWordsPastEndSeconds, Double minDecodedDurationRatio,
                          Double maxLabelsPastEndSeconds) {
    /** Skip reason: the transcript file is larger than {@link #maxTranscriptBytes}. */
    public static final String TRANSCRIPT_TOO_LARGE = "transcript-too-large";
    /** Skip reason: a word ends after the clip's duration plus {@link #maxWordsPastEndSeconds}. */
    public static final String WORDS_PAST_END = "words-past-end";
    /** Skip reason: a label segment or trace sample ends after the clip's duration plus {@link #maxLabelsPastEndSeconds}. */
    public static final String LABELS_PAST_END = "labels-past-end";

    public InputLimits {
        maxTranscriptBytes = maxTranscriptBytes == null ? 5_000_000L : maxTranscriptBytes;
        maxWordsPastEndSeconds = maxWordsPastEndSeconds == null ? 2.0 : maxWordsPastEndSeconds;
        minDecodedDurationRatio = minDecodedDurationRatio == null ? 0.9 : minDecodedDurationRatio;
        maxLabelsPastEndSeconds = maxLabelsPastEndSeconds == null ? 0.5 : maxLabelsPastEndSeconds;
        if (maxTranscriptBytes < 1) {
            throw new IllegalArgumentException("features.limits.maxTranscriptBytes must be >= 1, got " + maxTranscriptBytes
                    + "; the default is 5000000");
        }
        if (!(maxWordsPastEndSeconds >= 0) || maxWordsPastEndSeconds.isInfinite()) {
            throw new IllegalArgumentException("features.limits.maxWordsPastEndSeconds must be a finite number >= 0, got "
                    + maxWordsPastEndSeconds + "; the default is 2.0");
        }
        if (!(minDecodedDurationRatio >= 0 && minDecodedDurationRatio <= 1)) {
            throw new IllegalArgumentException("features.limits.minDecodedDurationRatio must be in [0, 1], got "
                    + minDecodedDurationRatio + "; the default is 0.9, 0 turns the check off");
        }
        if (!(maxLabelsPastEndSeconds >= 0) || maxLabelsPastEndSeconds.isInfinite()) {
            throw new IllegalArgumentException("features.limits.maxLabelsPastEndSeconds must be a finite number >= 0, got "
                    + maxLabelsPastEndSeconds + "; the default is 0.5");
        }
    }

    /** Every limit at its default. */
    public static InputLimits defaults() {
        return new InputLimits(null, null, null, null);
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }
}
