package org.mer4j.synth;

/**
 * One synthetic participant: the person-specific traits that make subject-independent evaluation
 * meaningful (voice baseline, expressiveness, speaking rate, face shape and colours).
 *
 * @param id subject id as written in the manifest
 * @param baseF0Hz neutral speaking fundamental frequency, 95..230 Hz
 * @param pitchRangeScale how wide this person's intonation is (1 = average)
 * @param voiceExpressiveness how strongly emotion moves pitch, loudness and rate (1 = average)
 * @param faceExpressiveness how strongly emotion moves the face (1 = average)
 * @param speakingRate syllables-per-second multiplier (1 = average, about 4.5 syllables/s)
 * @param loudness overall voice level multiplier
 * @param headWidthRatio head ellipse width / height
 * @param eyeSpacing horizontal eye offset from the face centre, in head half-widths
 * @param skin skin colour
 * @param hair hair and eyebrow colour
 * @param clothes shirt colour
 * @param backgroundTop background colour at the top of the frame
 * @param backgroundBottom background colour at the bottom of the frame
 */
public record SubjectProfile(String id, double baseF0Hz, double pitchRangeScale, double voiceExpressiveness,
                             double faceExpressiveness, double speakingRate, double loudness, double headWidthRatio,
                             double eyeSpacing, BgrColor skin, BgrColor hair, BgrColor clothes,
                             BgrColor backgroundTop, BgrColor backgroundBottom) {
    public SubjectProfile {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("subject profile needs an id");
        }
        if (!(baseF0Hz >= 60 && baseF0Hz <= 400)) {
            throw new IllegalArgumentException("subject " + id + ": baseF0Hz must be 60..400, got " + baseF0Hz);
        }
        if (!(speakingRate > 0.3 && speakingRate < 3)) {
            throw new IllegalArgumentException("subject " + id + ": speakingRate must be in (0.3, 3), got " + speakingRate);
        }
    }
}
