package org.mer4j.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mer4j.api.Modality;
import org.mer4j.api.TimeSegment;

/**
 * The label design holds over a large label-only sample: A/H is about a third of the time, some
 * clips have none, and no single modality's emotion shift rate differs between A/H and non-A/H.
 */
class LabelDesignTest {
    private static final SynthConfig BIG = new SynthConfig(2024, 60, 10, 8.0, 320, 240, 15, 16000, 400_000, 2,
            LabelDesignConfig.defaults());

    @Test
    void ahShareCleanClipsAndUnimodalShiftRatesAreBalanced() {
        List<ClipPlan> plans = CorpusGenerator.plan(BIG).clips();
        CorpusStatistics st = CorpusStatistics.of(plans);
        System.out.println("label design over " + plans.size() + " clips: " + st);
        assertTrue(st.ahTimeFraction() >= 0.20 && st.ahTimeFraction() <= 0.45, "A/H time fraction " + st.ahTimeFraction());
        assertTrue(st.cleanClipFraction() >= 0.12 && st.cleanClipFraction() <= 0.32, "clips without A/H " + st.cleanClipFraction());
        for (Modality m : Modality.values()) {
            double in = st.shiftRateInAh().get(m);
            double out = st.shiftRateOutsideAh().get(m);
            assertTrue(Math.abs(in - out) < 0.1, m + ": shift rate in A/H " + in + " vs outside " + out);
            assertTrue(in > 0.3 && in < 0.7, m + " shift rate in A/H " + in);
            assertTrue(st.cueRateInAh().get(m) > st.cueRateOutsideAh().get(m), m + ": hesitation cues are more frequent in A/H");
            assertTrue(st.cueRateInAh().get(m) < 0.25, m + ": a cue in one modality stays a weak hint");
        }
    }

    @Test
    void segmentsTileTheClipAndDiscordMeansDisagreement() {
        for (ClipPlan p : CorpusGenerator.plan(BIG).clips().subList(0, 200)) {
            double t = 0;
            for (SegmentPlan s : p.segments()) {
                assertEquals(t, s.start(), 1e-9, p.clipId() + " segments are contiguous");
                t = s.end();
                Set<Emotion> shown = new HashSet<>(List.of(s.face(), s.voice(), s.words()));
                switch (s.type()) {
                    case NO_SHIFT -> assertEquals(Set.of(p.baseEmotion()), shown);
                    case CONSISTENT_SHIFT -> {
                        assertEquals(1, shown.size());
                        assertNotEquals(p.baseEmotion(), s.face());
                    }
                    case DISCORD -> {
                        assertEquals(2, shown.size(), p.clipId() + " discord shows exactly two emotions");
                        assertTrue(shown.contains(p.baseEmotion()));
                    }
                }
            }
            assertEquals(p.seconds(), t, 1e-9, p.clipId() + " segments cover the clip");
            double ah = p.ahSegments().stream().mapToDouble(TimeSegment::duration).sum();
            double discord = p.segments().stream().filter(s -> s.type() == SegmentType.DISCORD).mapToDouble(SegmentPlan::duration).sum();
            assertEquals(discord, ah, 1e-9, "A/H segments are exactly the discord segments");
            assertEquals(p.hasDiscord(), p.labels().ahVideoLabel());
            assertEquals(p.hasDiscord(), p.labels().inconsistent());
            assertEquals(p.ahSegments(), p.labels().inconsistentSegments(), "inconsistency coincides with A/H on this corpus");
            assertEquals(p.baseEmotion().key(), p.labels().emotion());
        }
    }

    @Test
    void wordsStayInTheirSegmentAndCarryTheTextEmotion() {
        int emotional = 0;
        int contradicting = 0;
        for (ClipPlan p : CorpusGenerator.plan(BIG).clips().subList(0, 200)) {
            double prevEnd = 0;
            for (PlannedWord w : p.words()) {
                SegmentPlan s = p.segments().get(w.segment());
                assertTrue(w.start() >= s.start() && w.end() <= s.end(), p.clipId() + " word '" + w.word() + "' leaves its segment");
                assertTrue(w.start() >= prevEnd, p.clipId() + " words overlap at " + w.start());
                prevEnd = w.end();
                Emotion carried = Vocabulary.emotionOf(w.word());
                if (carried != null && carried != Emotion.NEUTRAL) {
                    emotional++;
                    if (carried != s.words()) {
                        contradicting++;
                    }
                }
            }
        }
        assertTrue(emotional > 500, "emotion words are common: " + emotional);
        assertEquals(0, contradicting, "an emotion word always matches its segment's text emotion");
    }

    @Test
    void invalidDesignNamesTheFieldAndTheFix() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new LabelDesignConfig(1.2, 1.0, 0.2, 0.4, 0.4, 0.15));
        assertTrue(e.getMessage().contains("maxSegmentSeconds"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new SynthConfig(1, 1, 1, 8, 321, 240, 15, 16000, 1, 1, null));
        assertTrue(e.getMessage().contains("synth.width/height") && e.getMessage().contains("even"), e.getMessage());
    }
}
