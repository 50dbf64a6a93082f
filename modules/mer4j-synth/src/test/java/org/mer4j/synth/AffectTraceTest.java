package org.mer4j.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.LabelTraces;
import org.mer4j.api.TimeSegment;
import org.mer4j.api.TraceCsv;

/**
 * The valence/arousal labels: circumplex prototypes, a 10 Hz trace that holds each segment's mean
 * prototype away from boundaries and cross-fades like the face, clip dimensions equal to the trace
 * means, and inconsistency segments equal to the A/H segments.
 */
class AffectTraceTest {
    private static final SynthConfig MANY = new SynthConfig(77, 20, 10, 8.0, 320, 240, 15, 16000, 400_000, 2,
            LabelDesignConfig.defaults());
    private static final double HALF_FADE = SegmentCrossfade.TRANSITION_SECONDS / 2;

    private static double round4(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }

    @Test
    void prototypesFollowTheCircumplex() {
        assertEquals(0.0, Emotion.NEUTRAL.valence());
        assertEquals(0.0, Emotion.NEUTRAL.arousal());
        assertTrue(Emotion.HAPPY.valence() > 0.5 && Emotion.HAPPY.arousal() > 0, "happy: pleasant, activated");
        assertTrue(Emotion.SAD.valence() < -0.5 && Emotion.SAD.arousal() < 0, "sad: unpleasant, deactivated");
        assertTrue(Emotion.ANGRY.valence() < -0.5 && Emotion.ANGRY.arousal() > Emotion.HAPPY.arousal(), "angry: unpleasant, most activated");
        for (Emotion e : Emotion.values()) {
            assertTrue(Math.abs(e.valence()) <= 1 && Math.abs(e.arousal()) <= 1, e + " inside [-1, 1]^2");
        }
    }

    @Test
    void traceHoldsEachSegmentsMeanPrototypeAwayFromBoundaries() {
        int checked = 0;
        for (ClipPlan p : CorpusGenerator.plan(MANY).clips()) {
            LabelTraces tr = p.traces();
            assertEquals(AffectTrace.file(p.clipId()), tr.file());
            assertEquals("traces/" + p.clipId() + ".csv", tr.file());
            assertEquals(List.of(AffectTrace.VALENCE, AffectTrace.AROUSAL), List.copyOf(tr.values().keySet()));
            List<Double> times = tr.times();
            assertEquals((int) Math.ceil(p.seconds() * 10 - 1e-9), times.size(), p.clipId() + " 10 Hz over the clip");
            for (int i = 0; i < times.size(); i++) {
                assertEquals(i / 10.0, times.get(i), 1e-12);
            }
            assertTrue(times.get(times.size() - 1) < p.seconds());
            for (int i = 0; i < times.size(); i++) {
                double t = times.get(i);
                SegmentPlan s = p.segmentAt(t);
                boolean nearStart = s.index() > 0 && t - s.start() < HALF_FADE + 1e-9;
                boolean nearEnd = s.index() + 1 < p.segments().size() && s.end() - t < HALF_FADE + 1e-9;
                double v = tr.values().get(AffectTrace.VALENCE).get(i);
                double a = tr.values().get(AffectTrace.AROUSAL).get(i);
                assertEquals(round4(v), v, 0, "4 decimals");
                if (!nearStart && !nearEnd) {
                    double mv = (s.face().valence() + s.voice().valence() + s.words().valence()) / 3;
                    double ma = (s.face().arousal() + s.voice().arousal() + s.words().arousal()) / 3;
                    assertEquals(round4(mv), v, 1e-12, p.clipId() + " valence at " + t);
                    assertEquals(round4(ma), a, 1e-12, p.clipId() + " arousal at " + t);
                    checked++;
                }
            }
        }
        assertTrue(checked > 10_000, "checked " + checked + " samples");
    }

    @Test
    void eachModalityCarriesAThirdOfTheShift() {
        SegmentPlan oneShifted = new SegmentPlan(0, 0, 2, SegmentType.DISCORD, Emotion.HAPPY, Emotion.SAD, Emotion.SAD, null);
        SegmentPlan twoShifted = new SegmentPlan(0, 0, 2, SegmentType.DISCORD, Emotion.HAPPY, Emotion.HAPPY, Emotion.SAD, null);
        SegmentPlan allShifted = new SegmentPlan(0, 0, 2, SegmentType.CONSISTENT_SHIFT, Emotion.HAPPY, Emotion.HAPPY, Emotion.HAPPY, null);
        double base = Emotion.SAD.valence();
        double shift = Emotion.HAPPY.valence() - base;
        assertEquals(base + shift / 3, oneShifted.expressedValence(), 1e-12);
        assertEquals(base + 2 * shift / 3, twoShifted.expressedValence(), 1e-12);
        assertEquals(Emotion.HAPPY.valence(), allShifted.expressedValence(), 1e-12);
        assertEquals(Emotion.HAPPY.arousal(), allShifted.expressedArousal(), 1e-12);
    }

    @Test
    void traceCrossFadesExactlyLikeTheFace() {
        SubjectProfile subject = SubjectSampler.sample("s01", new SplittableRandom(3));
        List<SegmentPlan> segs = List.of(
                new SegmentPlan(0, 0, 2, SegmentType.NO_SHIFT, Emotion.HAPPY, Emotion.HAPPY, Emotion.HAPPY, null),
                new SegmentPlan(1, 2, 4, SegmentType.CONSISTENT_SHIFT, Emotion.SAD, Emotion.SAD, Emotion.SAD, null));
        ClipPlan plan = new ClipPlan("c", "s01", Emotion.HAPPY, 4, segs, List.of(), List.of(), 1L);
        ExpressionTimeline face = new ExpressionTimeline(plan, subject);
        LabelTraces tr = plan.traces();
        double v0 = Emotion.HAPPY.valence();
        double v1 = Emotion.SAD.valence();
        double s0 = face.at(1.0).smile();
        double s1 = face.at(3.0).smile();
        double prev = v0;
        for (int i = 0; i < tr.times().size(); i++) {
            double t = tr.times().get(i);
            double v = tr.values().get(AffectTrace.VALENCE).get(i);
            double faceWeight = (face.at(t).smile() - s0) / (s1 - s0);
            double traceWeight = (v - v0) / (v1 - v0);
            assertEquals(faceWeight, traceWeight, 1e-4, "same cross-fade weight at " + t);
            assertTrue(v <= prev + 1e-12, "valence falls monotonically from happy to sad at " + t);
            assertTrue(prev - v < 0.6 * (v0 - v1), "no jump between samples at " + t);
            prev = v;
        }
        assertEquals(v0, tr.valueAt(AffectTrace.VALENCE, 1.8), 1e-12, "before the fade");
        assertEquals((v0 + v1) / 2, tr.valueAt(AffectTrace.VALENCE, 2.0), 1e-4, "half-way at the boundary");
        assertEquals(v1, tr.valueAt(AffectTrace.VALENCE, 2.2), 1e-12, "after the fade");
    }

    @Test
    void clipDimensionsAreTheTraceMeans() {
        for (ClipPlan p : CorpusGenerator.plan(MANY).clips()) {
            ClipLabels l = p.labels();
            for (String name : List.of(AffectTrace.VALENCE, AffectTrace.AROUSAL)) {
                double mean = l.traces().values().get(name).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                assertEquals(round4(mean), l.dimension(name), 1e-12, p.clipId() + " " + name);
                assertEquals(mean, l.dimension(name), 5e-5 + 1e-12);
            }
            assertEquals(List.of(AffectTrace.VALENCE, AffectTrace.AROUSAL), List.copyOf(l.dimensions().keySet()));
        }
    }

    @Test
    void inconsistencySegmentsAreTheAhSegments() {
        int inconsistentClips = 0;
        for (ClipPlan p : CorpusGenerator.plan(MANY).clips()) {
            ClipLabels l = p.labels();
            assertEquals(l.ahSegments(), l.inconsistentSegments(), p.clipId());
            assertEquals(p.hasDiscord(), l.inconsistent(), p.clipId());
            assertEquals(!l.inconsistentSegments().isEmpty(), l.inconsistentLabel(), p.clipId());
            assertEquals(p.baseEmotion().key(), l.emotion(), "the clip emotion stays the base emotion");
            assertNull(l.ahVideo(), "the video A/H label is derived from the segments");
            for (double t = 0; t < p.seconds(); t += 0.05) {
                assertEquals(l.ahAt(t), l.inconsistentAt(t), p.clipId() + " at " + t);
            }
            double disagreeing = p.segments().stream().filter(SegmentPlan::modalitiesDisagree).mapToDouble(SegmentPlan::duration).sum();
            assertEquals(disagreeing, l.inconsistentSegments().stream().mapToDouble(TimeSegment::duration).sum(), 1e-9);
            if (Boolean.TRUE.equals(l.inconsistent())) {
                inconsistentClips++;
            }
        }
        assertTrue(inconsistentClips > 100 && inconsistentClips < 200, "most but not all clips are inconsistent: " + inconsistentClips);
    }

    @Test
    void csvRoundTripsThroughTheApiReader(@TempDir Path tmp) throws IOException {
        ClipPlan p = CorpusGenerator.plan(MANY).clips().get(3);
        LabelTraces tr = p.traces();
        Path csv = tmp.resolve(tr.file());
        AffectTrace.write(csv, tr);
        String text = AffectTrace.csv(tr);
        assertTrue(text.startsWith("time,valence,arousal\n0.0,"), text.substring(0, 40));
        assertTrue(!text.contains("E") && !text.contains("-0.0000"), "plain notation, no negative zero");
        LabelTraces read = TraceCsv.read(csv);
        assertEquals(tr.times(), read.times());
        assertEquals(tr.values(), read.values());
    }
}
