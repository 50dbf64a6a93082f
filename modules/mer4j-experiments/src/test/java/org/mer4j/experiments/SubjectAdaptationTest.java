package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.Modality;
import org.mer4j.api.TimeSegment;

class SubjectAdaptationTest {

    @Test
    void splitIsDeterministicDisjointAndStripsAdaptationLabels() {
        List<AlignedClip> target = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            target.add(clip("t_c" + i));
        }
        SubjectAdaptation.Split a = SubjectAdaptation.split(target, 0.5, 11);
        List<AlignedClip> reversed = new ArrayList<>(target);
        java.util.Collections.reverse(reversed);
        SubjectAdaptation.Split b = SubjectAdaptation.split(reversed, 0.5, 11);
        assertEquals(ids(a.adaptation()), ids(b.adaptation()), "same seed, same split, whatever the input order");
        assertEquals(ids(a.test()), ids(b.test()));
        assertEquals(4, a.adaptation().size(), "round(7 * 0.5)");
        assertEquals(3, a.test().size());
        Set<String> all = new HashSet<>(ids(a.adaptation()));
        all.addAll(ids(a.test()));
        assertEquals(7, all.size(), "disjoint and complete");
        for (AlignedClip c : a.adaptation()) {
            assertNull(c.labels().emotion(), "adaptation clips carry no labels");
            assertTrue(c.labels().ahSegments().isEmpty());
        }
        a.test().forEach(c -> assertEquals("happy", c.labels().emotion(), "test clips keep their labels"));
        assertTrue(!ids(SubjectAdaptation.split(target, 0.5, 12).adaptation()).equals(ids(a.adaptation()))
                || !ids(SubjectAdaptation.split(target, 0.5, 13).adaptation()).equals(ids(a.adaptation())), "the seed matters");
        assertEquals(1, SubjectAdaptation.split(target.subList(0, 2), 0.9, 1).test().size(), "at least one test clip");
        assertThrows(IllegalArgumentException.class, () -> SubjectAdaptation.split(target.subList(0, 1), 0.5, 1));
    }

    private static List<String> ids(List<AlignedClip> clips) {
        return clips.stream().map(AlignedClip::clipId).toList();
    }

    private static AlignedClip clip(String id) {
        ClipLabels labels = new ClipLabels("happy", List.of(new TimeSegment(0, 1)), true, null);
        return new AlignedClip(id, "t", 1, 2, Map.of(Modality.AUDIO, new float[] {1, 2}), Map.of(Modality.AUDIO, 1),
                Map.of(Modality.AUDIO, new boolean[] {true, true}), labels);
    }
}
