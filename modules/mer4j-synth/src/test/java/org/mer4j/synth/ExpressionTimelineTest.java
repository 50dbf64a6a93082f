package org.mer4j.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mer4j.api.Modality;

/** The face follows the planned face emotion, cross-fades smoothly, articulates and blinks. */
class ExpressionTimelineTest {
    private static final SubjectProfile SUBJECT = SubjectSampler.sample("s01", new SplittableRandom(3));

    private static ClipPlan plan(List<Double> blinks, Modality cue) {
        List<SegmentPlan> segs = List.of(
                new SegmentPlan(0, 0, 2, SegmentType.NO_SHIFT, Emotion.HAPPY, Emotion.HAPPY, Emotion.HAPPY, null),
                new SegmentPlan(1, 2, 4, SegmentType.DISCORD, Emotion.SAD, Emotion.HAPPY, Emotion.HAPPY, cue),
                new SegmentPlan(2, 4, 6, SegmentType.CONSISTENT_SHIFT, Emotion.ANGRY, Emotion.ANGRY, Emotion.ANGRY, null));
        Syllable syl = new Syllable(5.0, 5.4, 0.02, 120, 110, Vowel.A, 0.8);
        List<PlannedWord> words = List.of(new PlannedWord("hate", 5.0, 5.4, 2, List.of(syl)));
        return new ClipPlan("c", "s01", Emotion.HAPPY, 6, segs, words, blinks, 1L);
    }

    @Test
    void expressionMatchesEachSegmentsFaceEmotion() {
        ExpressionTimeline tl = new ExpressionTimeline(plan(List.of(), null), SUBJECT);
        FaceParams happy = tl.at(1.0);
        FaceParams sad = tl.at(3.0);
        FaceParams angry = tl.at(4.5);
        assertTrue(happy.smile() > 0.3 && happy.cheekRaise() > 0.3, "happy smiles: " + happy);
        assertTrue(sad.smile() < -0.3 && sad.browInner() > 0.3, "sad frowns with inner brows up: " + sad);
        assertTrue(angry.browRaise() < -0.3 && angry.browInner() < -0.3 && angry.mouthWidth() < 1, "angry lowers brows: " + angry);
    }

    @Test
    void transitionsAreSmoothAndCentredOnTheBoundary() {
        ExpressionTimeline tl = new ExpressionTimeline(plan(List.of(), null), SUBJECT);
        double prev = tl.at(1.5).smile();
        double maxStep = 0;
        for (double t = 1.5; t < 2.5; t += 1 / 30.0) {
            double s = tl.at(t).smile();
            maxStep = Math.max(maxStep, Math.abs(s - prev));
            prev = s;
        }
        double total = Math.abs(tl.at(1.5).smile() - tl.at(2.5).smile());
        assertTrue(maxStep < 0.35 * total, "no jump between frames: step " + maxStep + " of " + total);
        double mid = tl.at(2.0).smile();
        assertEquals((tl.at(1.5).smile() + tl.at(2.5).smile()) / 2, mid, 0.05 * total, "half-way at the boundary");
    }

    @Test
    void blinksCloseTheEyesAndSpeechOpensTheMouth() {
        ExpressionTimeline tl = new ExpressionTimeline(plan(List.of(0.5), null), SUBJECT);
        assertTrue(tl.at(0.58).eyeOpen() < 0.2, "eyes closed mid-blink");
        assertTrue(tl.at(0.9).eyeOpen() > 0.5, "eyes open after the blink");
        assertTrue(tl.at(5.2).mouthOpen() > tl.at(4.8).mouthOpen() + 0.2, "mouth opens while the syllable is voiced");
    }

    @Test
    void faceHesitationCueLowersGazeAndKnitsBrows() {
        FaceParams plain = new ExpressionTimeline(plan(List.of(), null), SUBJECT).at(3.0);
        FaceParams cued = new ExpressionTimeline(plan(List.of(), Modality.VIDEO), SUBJECT).at(3.0);
        FaceParams otherCue = new ExpressionTimeline(plan(List.of(), Modality.AUDIO), SUBJECT).at(3.0);
        assertTrue(cued.gazeDown() > plain.gazeDown() + 0.5 && cued.browInner() < plain.browInner());
        assertEquals(plain, otherCue, "a cue in another modality leaves the face alone");
    }
}
