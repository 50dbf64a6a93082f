package org.mer4j.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.EnumMap;
import org.junit.jupiter.api.Test;

/** The synthesised voice realises the planned F0 and the emotion's prosody. */
class SpeechPitchTest {
    private static final int SR = 16000;

    @Test
    void autocorrelationPitchOfVoicedStretchesFollowsThePlan() {
        SynthConfig cfg = SynthConfig.quickstart().withSeed(99);
        List<ClipPlan> plans = CorpusGenerator.plan(cfg).clips().subList(0, 8);
        SpeechSynthesizer synth = new SpeechSynthesizer(SR);
        List<Double> errors = new ArrayList<>();
        for (ClipPlan p : plans) {
            float[] audio = synth.render(p);
            for (float v : audio) {
                assertTrue(v >= -1 && v <= 1, "sample outside [-1, 1]");
            }
            for (Syllable s : p.syllables()) {
                double voiced = s.end() - s.voicedStart();
                if (voiced < 0.12) {
                    continue;
                }
                double centre = s.voicedStart() + voiced / 2;
                double planned = s.f0At(centre);
                double measured = PitchProbe.autocorrelationPitch(audio, SR, centre, 0.04, 60, 420);
                errors.add(Math.abs(measured - planned) / planned);
            }
        }
        Collections.sort(errors);
        double within = errors.stream().filter(e -> e < 0.05).count() / (double) errors.size();
        double median = errors.get(errors.size() / 2);
        System.out.printf("F0 check over %d syllables: %.3f within 5%%, median error %.4f%n", errors.size(), within, median);
        assertTrue(errors.size() > 50, "enough voiced syllables checked: " + errors.size());
        assertTrue(within >= 0.95, "only " + within + " of syllables within 5% of the planned F0");
        assertTrue(median < 0.02, "median relative F0 error " + median);
    }

    @Test
    void voiceEmotionMovesPitchRateAndLoudnessAsDesigned() {
        SubjectProfile subject = SubjectSampler.sample("sx", new java.util.SplittableRandom(5));
        Map<Emotion, ProsodyStyle> st = new EnumMap<>(Emotion.class);
        for (Emotion e : Emotion.values()) {
            st.put(e, ProsodyStyle.of(e, subject));
        }
        ProsodyStyle n = st.get(Emotion.NEUTRAL);
        assertTrue(st.get(Emotion.HAPPY).f0Hz() > n.f0Hz() && st.get(Emotion.HAPPY).rangeSemitones() > n.rangeSemitones());
        assertTrue(st.get(Emotion.HAPPY).syllableSeconds() < n.syllableSeconds() && st.get(Emotion.HAPPY).loudness() > n.loudness());
        assertTrue(st.get(Emotion.SAD).f0Hz() < n.f0Hz() && st.get(Emotion.SAD).rangeSemitones() < n.rangeSemitones());
        assertTrue(st.get(Emotion.SAD).syllableSeconds() > n.syllableSeconds() && st.get(Emotion.SAD).loudness() < n.loudness());
        assertTrue(st.get(Emotion.ANGRY).loudness() > st.get(Emotion.HAPPY).loudness()
                && st.get(Emotion.ANGRY).glideSemitones() > n.glideSemitones() && st.get(Emotion.ANGRY).f0Hz() > n.f0Hz());
    }

    @Test
    void silenceBetweenWordsAndEnergyInsideThem() {
        ClipPlan p = CorpusGenerator.plan(SynthConfig.quickstart()).clips().get(0);
        float[] audio = new SpeechSynthesizer(SR).render(p);
        PlannedWord first = p.words().get(0);
        PlannedWord second = p.words().get(1);
        double gapStart = first.end() + 0.01;
        double gapEnd = second.start() - 0.002;
        if (gapEnd - gapStart > 0.01) {
            assertTrue(PitchProbe.rms(audio, SR, gapStart, gapEnd) < 1e-3, "silence between words");
        }
        Syllable s = first.syllables().get(0);
        assertTrue(PitchProbe.rms(audio, SR, s.voicedStart() + 0.02, s.end() - 0.03) > 0.02, "energy while voiced");
    }
}
