package org.mer4j.models;

/**
 * How a modality's feature vector is laid out when a row reads conversational context (a row's
 * {@code context}: the neighbouring utterances of the clip's conversation, as in bc-LSTM, Poria et
 * al. ACL 2017, and EmoBERTa, Kim and Vossen 2021): the clip's own {@code ownDim} values, then one
 * block per neighbour of {@code ownDim} values plus a presence flag (1 when that neighbour exists,
 * else 0 and the block is zero) and a same-speaker flag. Neighbours come in the order
 * {@code -previous .. -1, 1 .. next}. A fusion model that understands the layout (e.g. one that
 * feeds the neighbours' word pieces to its encoder) reads it from {@link ModelSpec#context()}; the
 * others see plain features.
 *
 * @param ownDim the clip's own feature width, positive
 * @param previous earlier utterances appended, &gt;= 0
 * @param next later utterances appended, &gt;= 0
 */
public record ConversationLayout(int ownDim, int previous, int next) {
    /** Values per neighbour block after the neighbour's own values: presence and same speaker. */
    public static final int FLAGS = 2;

    public ConversationLayout {
        if (ownDim <= 0 || previous < 0 || next < 0 || previous + next == 0) {
            throw new IllegalArgumentException("conversation layout: own width " + ownDim + ", previous " + previous + ", next " + next
                    + "; expected a positive width and at least one neighbour");
        }
    }

    /** Number of neighbour blocks. */
    public int neighbours() {
        return previous + next;
    }

    /** Width of the whole vector: own values and every neighbour block. */
    public int width() {
        return ownDim + neighbours() * (ownDim + FLAGS);
    }

    /** Column where neighbour block {@code slot} (0-based, in the order -previous..-1, 1..next) starts. */
    public int blockOffset(int slot) {
        if (slot < 0 || slot >= neighbours()) {
            throw new IndexOutOfBoundsException("neighbour slot " + slot + " of " + neighbours());
        }
        return ownDim + slot * (ownDim + FLAGS);
    }

    /** Column of neighbour {@code slot}'s presence flag. */
    public int presenceColumn(int slot) {
        return blockOffset(slot) + ownDim;
    }
}
