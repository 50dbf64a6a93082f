package org.mer4j.synth;

/**
 * One synthesised syllable: an optional unvoiced consonant burst followed by a voiced vowel whose
 * fundamental glides from {@code f0StartHz} to {@code f0EndHz}.
 *
 * @param start start in seconds (burst onset)
 * @param end end in seconds
 * @param consonantSeconds length of the leading noise burst (0 = none); voicing starts after it
 * @param f0StartHz fundamental frequency where voicing starts
 * @param f0EndHz fundamental frequency at the end
 * @param vowel vowel quality (formant targets)
 * @param amplitude peak level of the voiced part, 0..1
 */
public record Syllable(double start, double end, double consonantSeconds, double f0StartHz, double f0EndHz,
                       Vowel vowel, double amplitude) {
    public Syllable {
        if (!(end > start + consonantSeconds) || start < 0 || consonantSeconds < 0) {
            throw new IllegalArgumentException("syllable needs 0 <= start, start + consonantSeconds < end, got start="
                    + start + " consonant=" + consonantSeconds + " end=" + end);
        }
        if (!(f0StartHz > 40 && f0EndHz > 40 && f0StartHz < 1000 && f0EndHz < 1000)) {
            throw new IllegalArgumentException("syllable F0 must lie in 40..1000 Hz, got " + f0StartHz + ".." + f0EndHz);
        }
        if (!(amplitude > 0 && amplitude <= 1)) {
            throw new IllegalArgumentException("syllable amplitude must be in (0, 1], got " + amplitude);
        }
    }

    /** Start of voicing in seconds. */
    public double voicedStart() {
        return start + consonantSeconds;
    }

    /**
     * Planned F0 at time {@code t} inside the voiced part: a glide linear in log frequency
     * (semitones), the way intonation moves.
     */
    public double f0At(double t) {
        double w = Math.max(0, Math.min(1, (t - voicedStart()) / (end - voicedStart())));
        return f0StartHz * Math.pow(f0EndHz / f0StartHz, w);
    }
}
