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
        int own = layout == null ? width : layout.ownDim();
        int[][] starts = new int[batch][];
        int[][] lengths = new int[batch][];
        int longest = 0;
        for (int i = 0; i < batch; i++) {
            int base = i * width;
            int slots = layout == null ? 0 : layout.neighbours();
            starts[i] = new int[slots + 1];
            lengths[i] = new int[slots + 1];
            starts[i][0] = base;
            lengths[i][0] = pieces(values, base, own);
            int total = lengths[i][0] + 2;
            for (int s = 0; s < slots; s++) {
                int at = base + layout.blockOffset(s);
                int n = pieces(values, at, own);  // an absent neighbour's block is zero; its flags may be standardised
                if (n > 0 && total + n + 1 <= MAX_TOKENS) {
                    starts[i][s + 1] = at;
                    lengths[i][s + 1] = n;
                    total += n + 1;
                }
            }
            longest = Math.max(longest, total);
        }
        long[] ids = new long[batch * longest];
        float[] attention = new float[batch * longest];
        float[] pool = new float[batch * longest];
        for (int i = 0; i < batch; i++) {
            int p = i * longest;
            ids[p] = MiniLmFineTuneBlock.CLS;
            pool[p] = 1;
            attention[p++] = 1;
            for (int s = 0; s < starts[i].length; s++) {
                for (int k = 0; k < lengths[i][s]; k++) {
                    ids[p] = (long) values[starts[i][s] + k];
                    pool[p] = s == 0 ? 1 : 0;
                    attention[p++] = 1;
                }
                if (s == 0 || lengths[i][s] > 0) {
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
        DialogueTokens t = of(row, 1, row.length, layout);
        return t.length();
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
