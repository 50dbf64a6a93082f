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
        double k = subject.voiceExpressiveness();
        double pitchSt;
        double range;
        double glide;
        double loud;
        double rate;
        switch (voice) {
            case HAPPY -> { pitchSt = 3.5; range = 4.5; glide = 1.0; loud = 0.78; rate = 0.85; }
            case SAD -> { pitchSt = -2.5; range = 0.8; glide = 0.5; loud = 0.38; rate = 1.3; }
            case ANGRY -> { pitchSt = 2.5; range = 3.0; glide = 4.5; loud = 0.95; rate = 0.8; }
            default -> { pitchSt = 0; range = 2.0; glide = 1.5; loud = 0.6; rate = 1.0; }
        }
        double neutralRange = 2.0;
        double neutralGlide = 1.5;
        double f0 = subject.baseF0Hz() * Math.pow(2, pitchSt * k / 12.0);
        double r = (neutralRange + (range - neutralRange) * k) * subject.pitchRangeScale();
        double g = neutralGlide + (glide - neutralGlide) * k;
        double l = Math.min(1, (0.6 + (loud - 0.6) * k) * subject.loudness());
        double s = NEUTRAL_SYLLABLE_SECONDS * (1 + (rate - 1) * k) / subject.speakingRate();
        return new ProsodyStyle(f0, Math.max(0.3, r), g, Math.max(0.15, l), s);
    }
}
