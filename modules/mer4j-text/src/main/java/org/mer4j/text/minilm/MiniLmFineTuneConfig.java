package org.mer4j.text.minilm;

/**
 * Settings of the {@code minilm} fusion model ({@link MiniLmFineTuneBlock}).
 *
 * @param dropout dropout of the encoder's hidden states and attention weights and of the pooled
 *     sentence vector in training, in [0, 1) (default 0.1, as BERT was trained)
 * @param trainEmbeddings whether the word-piece embedding table (30,522 x 384, half of the
 *     encoder's parameters) is trained too (default false: only the pieces of the training text
 *     would move, and freezing it saves a third of the update time)
 */
public record MiniLmFineTuneConfig(Double dropout, Boolean trainEmbeddings) {
    public MiniLmFineTuneConfig {
        dropout = dropout == null ? 0.1 : dropout;
        trainEmbeddings = trainEmbeddings != null && trainEmbeddings;
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("fusion minilm.dropout must be in [0, 1), got " + dropout + "; BERT uses 0.1");
        }
    }

    /** Dropout 0.1, frozen word-piece embeddings. */
    public static MiniLmFineTuneConfig defaults() {
        return new MiniLmFineTuneConfig(0.1, false);
    }
}
