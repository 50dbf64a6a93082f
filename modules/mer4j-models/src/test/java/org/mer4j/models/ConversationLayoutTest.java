package org.mer4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mer4j.api.Modality;
import org.mer4j.models.heads.HeadSpec;

class ConversationLayoutTest {
    private static final List<HeadSpec> HEADS = List.of(HeadSpec.clip("emotion", 7));

    @Test
    void blocksFollowTheOwnValuesEachWithItsTwoFlags() {
        ConversationLayout layout = new ConversationLayout(62, 1, 1);
        assertEquals(2, layout.neighbours());
        assertEquals(62 + 2 * 64, layout.width());
        assertEquals(62, layout.blockOffset(0));
        assertEquals(124, layout.presenceColumn(0));
        assertEquals(126, layout.blockOffset(1));
        assertThrows(IndexOutOfBoundsException.class, () -> layout.blockOffset(2));
        assertThrows(IllegalArgumentException.class, () -> new ConversationLayout(62, 0, 0));
    }

    @Test
    void theSpecKeepsTheLayoutThroughFusedAndChecksItsWidth() {
        ConversationLayout layout = new ConversationLayout(62, 1, 0);
        ModelSpec spec = new ModelSpec(List.of(Modality.TEXT), Map.of(Modality.TEXT, 126), HEADS, List.of(), Map.of(Modality.TEXT, layout));
        assertEquals(layout, spec.context(Modality.TEXT));
        assertEquals(layout, spec.fused().context(Modality.TEXT));
        assertEquals(null, new ModelSpec(List.of(Modality.TEXT), Map.of(Modality.TEXT, 62), HEADS).context(Modality.TEXT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelSpec(List.of(Modality.TEXT),
                Map.of(Modality.TEXT, 62), HEADS, List.of(), Map.of(Modality.TEXT, layout)));
        assertTrue(e.getMessage().contains("126 columns wide"), e.getMessage());
    }
}
