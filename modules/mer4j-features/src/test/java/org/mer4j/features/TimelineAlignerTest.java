package org.mer4j.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.Modality;
import org.mer4j.api.TimeSegment;

class TimelineAlignerTest {

    @Test
    void averagesValidSamplesPerWindowMasksGapsAndLabelsFrames() {
        // audio at 10 Hz for 1 s: value = sample index; samples 5..7 invalid
        int n = 10;
        double[] times = new double[n];
        float[] values = new float[n];
        boolean[] mask = new boolean[n];
        for (int i = 0; i < n; i++) {
            times[i] = i * 0.1;
            values[i] = i;
            mask[i] = i < 5 || i > 7;
        }
        FeatureTrack audio = new FeatureTrack("a", times, 1, values, mask);
        // a second audio track with 2 dims, constant
        FeatureTrack audio2 = new FeatureTrack("b", times, 2, new float[2 * n], new boolean[n]);
        Clip clip = new Clip("c", "s", "v.mp4", null, null,
                new ClipLabels("happy", List.of(new TimeSegment(0.4, 0.6)), null, true), null);
        AlignedClip a = new TimelineAligner(new AlignmentConfig(5, 0.05))
                .align(new ClipTracks(clip, Map.of(Modality.AUDIO, List.of(audio, audio2))));
        assertEquals(5, a.steps());
        assertEquals(3, a.dims().get(Modality.AUDIO));
        float[] f = a.features().get(Modality.AUDIO);
        assertEquals(0.5f, f[0], 1e-6);      // mean of samples 0 and 1
        assertEquals(2.5f, f[3], 1e-6);      // mean of 2, 3
        assertEquals(4.0f, f[6], 1e-6);      // window 2: only sample 4 valid
        assertFalse(a.masks().get(Modality.AUDIO)[3]);   // window 3: samples 6, 7 invalid, no near sample within 50 ms
        assertTrue(a.masks().get(Modality.AUDIO)[4]);
        assertEquals(0.5, a.stepCentre(2), 1e-12);    // step labels are read at 0.1, 0.3, 0.5, ... s
        assertTrue(a.labels().ahAt(a.stepCentre(2)));  // centre 0.5 s lies in [0.4, 0.6)
        assertFalse(a.labels().ahAt(a.stepCentre(1)));
        assertEquals("happy", a.labels().emotion());
        assertTrue(a.labels().ahVideoLabel());
    }

    @Test
    void standardizerUsesTrainingStatisticsAndKeepsMaskedStepsZero() {
        Clip clip = new Clip("c", "s", "v", null, null, null, null);
        FeatureTrack t = new FeatureTrack("a", new double[] {0, 0.2, 0.4}, 1, new float[] {1, 3, 100}, new boolean[] {true, true, false});
        AlignedClip a = new TimelineAligner(new AlignmentConfig(5, 0)).align(new ClipTracks(clip, Map.of(Modality.AUDIO, List.of(t))));
        AlignedClip z = Standardizer.fit(List.of(a), IdColumns.NONE).apply(a);
        assertArrayEquals(new float[] {-1, 1, 0}, z.features().get(Modality.AUDIO), 1e-6f);
    }

    @Test
    void perSubjectNormalisationRemovesEachSubjectsBaseline() {
        java.util.function.BiFunction<String, float[], AlignedClip> clip = (subject, v) -> new TimelineAligner(new AlignmentConfig(5, 0))
                .align(new ClipTracks(new Clip(subject + "-c" + v[0], subject, "v", null, null, null, null),
                        Map.of(Modality.AUDIO, List.of(new FeatureTrack("f0", new double[] {0, 0.2}, 1, v, new boolean[] {true, true})))));
        // subject a speaks around 100, subject b around 200: after normalisation both are centred on 0
        List<AlignedClip> z = Standardizer.perSubject(List.of(clip.apply("a", new float[] {99, 101}), clip.apply("b", new float[] {190, 210})), IdColumns.NONE);
        assertArrayEquals(new float[] {-1, 1}, z.get(0).features().get(Modality.AUDIO), 1e-5f);
        assertArrayEquals(new float[] {-1, 1}, z.get(1).features().get(Modality.AUDIO), 1e-5f);
        assertEquals("b", z.get(1).subject());
    }
}
