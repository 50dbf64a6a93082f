package org.mer4j.text.minilm;

import org.mer4j.models.ConversationLayout;

/**
 * The encoder input of one batch for {@link MiniLmFineTuneBlock}: per clip {@code [CLS] own [SEP]},
 * then, with conversational context, each neighbour's pieces (none when the neighbour is absent or
 * said nothing; the presence and speaker flags are not read) and a {@code [SEP]} (neighbours
 * in the layout's order, -previous..-1 then 1..next, as long as they fit in the encoder's 512
 * positions), 0-padded to the batch's longest sequence. The attention mask covers every real token;
 * the pooling mask only the clip's own {@code [CLS] own [SEP]}, so context changes what the own
 * tokens attend to, not which tokens are averaged.
 *
 * @param ids token ids, {@code batch x length}, row-major
 * @param attention 1 for real tokens, 0 for padding
 * @param pool 1 for the clip's own tokens ([CLS], its pieces, its [SEP])
 * @param batch clips
 * @param length tokens per clip after padding
 */
record DialogueTokens(long[] ids, float[] attention, float[] pool, int batch, int length) {
    /** Positions of the encoder. */
    static final int MAX_TOKENS = 512;

    /**
     * @param values the text features, {@code batch x width}: word-piece ids, 0-padded, laid out as
     *     {@code layout} says (null: the clip's own pieces only)
     */
    static DialogueTokens of(float[] values, int batch, int width, ConversationLayout layout) {
        int[][] segments = new int[batch][];
        int longest = 0;
        for (int i = 0; i < batch; i++) {
            segments[i] = segments(values, i * width, width, layout);
            longest = Math.max(longest, total(segments[i]));
        }
        long[] ids = new long[batch * longest];
        float[] attention = new float[batch * longest];
        float[] pool = new float[batch * longest];
        for (int i = 0; i < batch; i++) {
            int p = i * longest;
            ids[p] = MiniLmFineTuneBlock.CLS;
            pool[p] = 1;
            attention[p++] = 1;
            int[] seg = segments[i];
            for (int s = 0; s < seg.length / 2; s++) {
                int start = seg[2 * s];
                int n = seg[2 * s + 1];
                for (int k = 0; k < n; k++) {
                    ids[p] = (long) values[start + k];
                    pool[p] = s == 0 ? 1 : 0;
                    attention[p++] = 1;
                }
                if (s == 0 || n > 0) {
                    ids[p] = MiniLmFineTuneBlock.SEP;
                    pool[p] = s == 0 ? 1 : 0;
                    attention[p++] = 1;
                }
            }
        }
        return new DialogueTokens(ids, attention, pool, batch, longest);
    }

    /** Tokens a clip's input has before padding, [CLS] and every [SEP] included. */
    static int tokens(float[] row, ConversationLayout layout) {
        return total(segments(row, 0, row.length, layout));
    }

    /**
     * The clip at {@code base}: (start, pieces) of its own segment, then of each neighbour's (0 pieces
     * when absent, empty or past the encoder's positions).
     */
    private static int[] segments(float[] values, int base, int width, ConversationLayout layout) {
        int own = layout == null ? width : layout.ownDim();
        int slots = layout == null ? 0 : layout.neighbours();
        int[] seg = new int[2 * (slots + 1)];
        seg[0] = base;
        seg[1] = pieces(values, base, own);
        int total = seg[1] + 2;
        for (int s = 0; s < slots; s++) {
            int at = base + layout.blockOffset(s);
            int n = pieces(values, at, own);  // an absent neighbour's block is zero; its flags may be standardised
            if (n > 0 && total + n + 1 <= MAX_TOKENS) {
                seg[2 * (s + 1)] = at;
                seg[2 * (s + 1) + 1] = n;
                total += n + 1;
            }
        }
        return seg;
    }

    /** Tokens of a clip's segments: [CLS], the own pieces and [SEP], each kept neighbour's pieces and [SEP]. */
    private static int total(int[] seg) {
        int total = seg[1] + 2;
        for (int s = 1; s < seg.length / 2; s++) {
            total += seg[2 * s + 1] > 0 ? seg[2 * s + 1] + 1 : 0;
        }
        return total;
    }

    /** Number of pieces before the first 0 among {@code n} values from {@code from}. */
    private static int pieces(float[] values, int from, int n) {
        int k = 0;
        while (k < n && values[from + k] != 0) {
            k++;
        }
        return k;
    }
}
