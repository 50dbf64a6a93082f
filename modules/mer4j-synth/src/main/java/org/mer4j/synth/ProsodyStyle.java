package org.mer4j.synth;

/**
 * Voice settings of one emotion for one speaker, following the prosodic profiles reviewed by
 * Juslin &amp; Laukka (2003), "Communication of emotions in vocal expression and music performance",
 * Psychological Bulletin 129(5): happy = higher, more variable pitch, faster, louder; sad = lower,
 * flat, slower, quieter; angry = loud, fast, raised pitch with steep falling contours.
 *
 * @param f0Hz the speaker's mean F0 in this emotion
 * @param rangeSemitones spread of syllable pitch targets around the mean
 * @param glideSemitones pitch fall over a word (negative = rise)
 * @param loudness syllable amplitude 0..1
 * @param syllableSeconds mean syllable duration
 */
public record ProsodyStyle(double f0Hz, double rangeSemitones, double glideSemitones, double loudness, double syllableSeconds) {

    /** Mean syllable duration of an average speaker in neutral speech (about 4.5 syllables/s). */
    public static final double NEUTRAL_SYLLABLE_SECONDS = 0.22;

    /** The style of {@code voice} for {@code subject}: emotion offsets scaled by the speaker's voice expressiveness. */
    public static ProsodyStyle of(Emotion voice, SubjectProfile subject) {
        return of(voice, subject, 1);
    }

    /**
     * The style of {@code voice} at {@code intensity} (1 = {@link #of(Emotion, SubjectProfile)}):
     * the emotion's offsets from neutral speech (F0 in semitones, pitch range, contour, loudness,
     * syllable rate) are scaled by the speaker's voice expressiveness times {@code intensity}, so at
     * 0.5 the F0 shift in semitones and the other offsets are half as large.
     */
    public static ProsodyStyle of(Emotion voice, SubjectProfile subject, double intensity) {
        double k = subject.voiceExpressiveness() * intensity;
        double pitchSt;
        double range;
        double glide;
        double loud;
        double rate;
        switch (voice) {
            case HAPPY -> { pitchSt = 5.0; range = 3.0; glide = 1.0; loud = 0.75; rate = 0.85; }
            case SAD -> { pitchSt = -4.0; range = 0.6; glide = 0.5; loud = 0.3; rate = 1.4; }
            case ANGRY -> { pitchSt = 1.5; range = 2.0; glide = 6.0; loud = 1.0; rate = 0.75; }
            default -> { pitchSt = 0; range = 1.5; glide = 1.5; loud = 0.55; rate = 1.0; }
        }
        double neutralRange = 1.5;
        double neutralGlide = 1.5;
        double f0 = subject.baseF0Hz() * Math.pow(2, pitchSt * k / 12.0);
        double r = (neutralRange + (range - neutralRange) * k) * subject.pitchRangeScale();
        double g = neutralGlide + (glide - neutralGlide) * k;
        double l = Math.min(1, (0.55 + (loud - 0.55) * k) * subject.loudness());
        double s = NEUTRAL_SYLLABLE_SECONDS * (1 + (rate - 1) * k) / subject.speakingRate();
        return new ProsodyStyle(f0, Math.max(0.3, r), g, Math.max(0.15, l), s);
    }
}
