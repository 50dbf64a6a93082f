package org.mer4j.text.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mer4j.models.ConversationLayout;

class DialogueTokensTest {
    private static final long CLS = MiniLmFineTuneBlock.CLS;
    private static final long SEP = MiniLmFineTuneBlock.SEP;

    @Test
    void withoutContextEachClipIsClsPiecesSepPaddedToTheLongest() {
        float[] values = {7, 8, 9, 0, 5, 0, 0, 0};
        DialogueTokens t = DialogueTokens.of(values, 2, 4, null);
        assertEquals(5, t.length());
        assertArrayEquals(new long[] {CLS, 7, 8, 9, SEP, CLS, 5, SEP, 0, 0}, t.ids());
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 0, 0}, t.attention());
        assertArrayEquals(t.attention(), t.pool(), "without context every real token is pooled");
    }

    @Test
    void presentNeighboursFollowTheClipAndOnlyTheClipIsPooled() {
        ConversationLayout layout = new ConversationLayout(3, 1, 1);
        // own (3) | previous: 3 pieces, present, same speaker | next: 3 pieces, present, same speaker
        // (flags as standardisation leaves them: not 0/1)
        float[] first = {4, 0, 0, 6, 6, 0, 0.33f, -1.2f, 9, 0, 0, 0.33f, 0.8f};
        float[] noNeighbours = {2, 3, 0, 0, 0, 0, -3f, 0.5f, 0, 0, 0, -3f, 0.5f};
        float[] values = new float[26];
        System.arraycopy(first, 0, values, 0, 13);
        System.arraycopy(noNeighbours, 0, values, 13, 13);
        DialogueTokens t = DialogueTokens.of(values, 2, 13, layout);
        assertEquals(8, t.length());
        assertArrayEquals(new long[] {CLS, 4, SEP, 6, 6, SEP, 9, SEP, CLS, 2, 3, SEP, 0, 0, 0, 0}, t.ids());
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0}, t.attention());
        assertArrayEquals(new float[] {1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0}, t.pool());
        assertEquals(8, DialogueTokens.tokens(first, layout));
        assertEquals(4, DialogueTokens.tokens(noNeighbours, layout));
    }

    @Test
    void aNeighbourThatDoesNotFitTheEncodersPositionsIsLeftOut() {
        ConversationLayout layout = new ConversationLayout(300, 1, 0);
        float[] row = new float[layout.width()];
        java.util.Arrays.fill(row, 0, 300, 11);
        java.util.Arrays.fill(row, 300, 600, 12);
        row[layout.presenceColumn(0)] = 1;
        DialogueTokens t = DialogueTokens.of(row, 1, row.length, layout);
        assertEquals(302, t.length(), "300 own pieces + [CLS] + [SEP]; the 300 previous pieces would pass 512 positions");
    }
}
