package org.mer4j.text.minilm;

/**
 * Settings of the {@code minilm} fusion model ({@link MiniLmFineTuneBlock}).
 *
 * @param encoder the pretrained encoder the model starts from, by {@link PretrainedBert#configName()}
 *     (default {@code all-minilm-l6-v2}; {@code bge-small-en-v1.5} has twelve layers instead of six)
 * @param dropout dropout of the encoder's hidden states and attention weights and of the pooled
 *     sentence vector in training, in [0, 1) (default 0.1, as BERT was trained)
 * @param trainEmbeddings whether the word-piece embedding table (30,522 x 384, half of the
 *     MiniLM encoder's parameters) is trained too (default false: only the pieces of the training
 *     text would move, and freezing it saves a third of the update time)
 * @param frozenLayers how many of the encoder's lowest layers keep their pretrained weights, with
 *     the embeddings (default 0: every layer is fine-tuned); freezing saves their backward pass
 */
public record MiniLmFineTuneConfig(String encoder, Double dropout, Boolean trainEmbeddings, Integer frozenLayers) {
    public MiniLmFineTuneConfig {
        encoder = encoder == null ? PretrainedBert.ALL_MINILM_L6_V2.configName() : encoder;
        PretrainedBert.byConfigName(encoder);
        dropout = dropout == null ? 0.1 : dropout;
        trainEmbeddings = trainEmbeddings != null && trainEmbeddings;
        frozenLayers = frozenLayers == null ? 0 : frozenLayers;
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("fusion minilm.dropout must be in [0, 1), got " + dropout + "; BERT uses 0.1");
        }
    }

    /** all-MiniLM-L6-v2, dropout 0.1, frozen word-piece embeddings, every layer fine-tuned. */
    public static MiniLmFineTuneConfig defaults() {
        return new MiniLmFineTuneConfig(null, 0.1, false, 0);
    }

    /** The encoder the model starts from. */
    public PretrainedBert pretrained() {
        return PretrainedBert.byConfigName(encoder);
    }
}
