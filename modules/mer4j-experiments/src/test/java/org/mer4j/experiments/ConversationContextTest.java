package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.Modality;
import org.junit.jupiter.api.Test;

class ConversationContextTest {
    /** A two-step text clip whose two steps hold (v, 0) and (v + 2, 1): clip mean (v + 1, 0.5). */
    private static AlignedClip clip(String id, String subject, float v, String emotion) {
        return new AlignedClip(id, subject, 1, 2, Map.of(Modality.TEXT, new float[] {v, 0, v + 2, 1}), Map.of(Modality.TEXT, 2),
                Map.of(Modality.TEXT, new boolean[] {true, true}), new ClipLabels(emotion, List.of(), null, null));
    }

    private static Map<String, String> meta(String dialogue, String utterance) {
        return Map.of("dialogue", dialogue, "utterance", utterance);
    }

    @Test
    void appendsTheNeighboursMeansInConversationOrderWithPresenceAndSameSpeakerFlags() {
        // manifest order differs from the conversation order; a second dialogue shares no neighbours
        List<AlignedClip> clips = List.of(clip("b", "ross", 10, "joy"), clip("a", "rachel", 0, "anger"), clip("c", "ross", 20, "sadness"),
                clip("x", "ross", 100, "neutral"));
        Map<String, Map<String, String>> metadata = Map.of("a", meta("train-dia1", "0"), "b", meta("train-dia1", "1"),
                "c", meta("train-dia1", "2"), "x", meta("test-dia1", "0"));
        List<AlignedClip> out = ConversationContext.apply(clips, metadata, new ContextConfig("dialogue", "utterance", 1, 1, null),
                List.of(Modality.TEXT));
        assertEquals(List.of("b", "a", "c", "x"), out.stream().map(AlignedClip::clipId).toList(), "order kept");
        assertEquals(2 + 2 * 4, out.get(0).dims().get(Modality.TEXT));
        assertEquals(ConversationContext.widened(2, new ContextConfig("dialogue", "utterance", 1, 1, null)), out.get(0).dims().get(Modality.TEXT));
        // b: previous = a (rachel, mean 1, 0.5), next = c (ross, mean 21, 0.5); each step keeps its own values first
        assertArrayEquals(new float[] {10, 0, 1, 0.5f, 1, 0, 21, 0.5f, 1, 1, 12, 1, 1, 0.5f, 1, 0, 21, 0.5f, 1, 1},
                out.get(0).features().get(Modality.TEXT));
        // a is first: no previous (zeros, absent), next = b (ross, not a's speaker)
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 11, 0.5f, 1, 0}, java.util.Arrays.copyOf(out.get(1).features().get(Modality.TEXT), 10));
        // c is last: previous = b (same speaker), no next
        assertArrayEquals(new float[] {20, 0, 11, 0.5f, 1, 1, 0, 0, 0, 0}, java.util.Arrays.copyOf(out.get(2).features().get(Modality.TEXT), 10));
        // x is alone in its dialogue (same number, other split): no neighbours at all
        assertArrayEquals(new float[] {100, 0, 0, 0, 0, 0, 0, 0, 0, 0}, java.util.Arrays.copyOf(out.get(3).features().get(Modality.TEXT), 10));
        // labels never cross between clips
        assertEquals(List.of("joy", "anger", "sadness", "neutral"), out.stream().map(c -> c.labels().emotion()).toList());
    }

    @Test
    void missingOrNonNumericMetadataNamesTheClipAndTheField() {
        List<AlignedClip> clips = List.of(clip("a", "s", 0, "joy"), clip("b", "s", 1, "joy"));
        var noDialogue = assertThrows(IllegalArgumentException.class, () -> ConversationContext.apply(clips,
                Map.of("a", meta("d", "0")), new ContextConfig("dialogue", null, 1, 0, null), List.of(Modality.TEXT)));
        assertTrue(noDialogue.getMessage().contains("clip b has no metadata 'dialogue'"), noDialogue.getMessage());
        var notNumeric = assertThrows(IllegalArgumentException.class, () -> ConversationContext.apply(clips,
                Map.of("a", meta("d", "0"), "b", meta("d", "first")), new ContextConfig("dialogue", "utterance", 1, 0, null),
                List.of(Modality.TEXT)));
        assertTrue(notNumeric.getMessage().contains("clip b: metadata 'utterance' is 'first', expected a number"), notNumeric.getMessage());
        var notInRow = assertThrows(IllegalArgumentException.class, () -> ConversationContext.apply(clips,
                Map.of("a", meta("d", "0"), "b", meta("d", "1")), new ContextConfig("dialogue", null, 1, 0, List.of("audio")),
                List.of(Modality.TEXT)));
        assertTrue(notInRow.getMessage().contains("audio is not one of the row's modalities"), notInRow.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ContextConfig("dialogue", null, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new ContextConfig(null, null, 1, 0, null));
    }

    @Test
    void withoutOrderByTheManifestOrderIsTheConversationOrder() {
        List<AlignedClip> clips = List.of(clip("b", "s", 10, "joy"), clip("a", "s", 0, "joy"));
        List<AlignedClip> out = ConversationContext.apply(clips, Map.of("a", meta("d", "0"), "b", meta("d", "1")),
                new ContextConfig("dialogue", null, 1, 0, null), List.of(Modality.TEXT));
        // b comes first in the manifest, so a's previous is b
        assertArrayEquals(new float[] {0, 0, 11, 0.5f, 1, 1}, java.util.Arrays.copyOf(out.get(1).features().get(Modality.TEXT), 6));
        assertArrayEquals(new float[] {10, 0, 0, 0, 0, 0}, java.util.Arrays.copyOf(out.get(0).features().get(Modality.TEXT), 6));
    }
}
