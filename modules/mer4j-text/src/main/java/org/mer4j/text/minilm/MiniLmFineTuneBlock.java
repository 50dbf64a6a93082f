package org.mer4j.text.minilm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;
import org.mer4j.models.AbstractFusionBlock;
import org.mer4j.models.FusedOutput;
import org.mer4j.models.FusionInputs;
import org.mer4j.models.ModelSpec;

/**
 * Fusion model {@code minilm}: the pretrained all-MiniLM-L6-v2 sentence encoder (Reimers and
 * Gurevych, EMNLP 2019; Wang et al., NeurIPS 2020), or the twelve-layer bge-small-en-v1.5 (Xiao et
 * al., 2023; {@code encoder} in {@link MiniLmFineTuneConfig}, {@link PretrainedBert}), fine-tuned
 * with the task heads, as pretrained
 * transformers are fine-tuned for utterance-level emotion recognition (Devlin et al., NAACL 2019;
 * on MELD e.g. Kim and Vossen 2021, EmoBERTa, with RoBERTa). Its text input is the
 * {@code minilm-pieces} track: per clip the word-piece ids, 0-padded. Each clip's pieces are
 * wrapped in [CLS] ... [SEP]; with a row's conversational context over the pieces
 * ({@code rows[].context}, {@link org.mer4j.models.ConversationLayout}) the neighbouring utterances'
 * pieces follow, each closed by [SEP], as EmoBERTa feeds the dialogue to its encoder
 * ({@link DialogueTokens}). The batch, cut to its longest input, runs through {@link MiniLmEncoder}
 * and is mean-pooled over the clip's own tokens (the pooling the sentence encoder was trained with,
 * without its final L2 normalisation, so the heads see the hidden states' own scale); dropout
 * follows in training.
 * The clip heads read the 384-d pooled vector. Train it with a small learning rate (e.g. AdamW,
 * 5e-5, a warm-up and a decay), a few epochs.
 */
public final class MiniLmFineTuneBlock extends AbstractFusionBlock {
    private static final byte VERSION = 1;
    /** [CLS] and [SEP] of the all-MiniLM-L6-v2 vocabulary (BERT uncased); checked against the tokenizer in MiniLmEncoderTest. */
    static final long CLS = 101;
    static final long SEP = 102;

    private final ModelSpec spec;
    private final MiniLmFineTuneConfig config;
    private final MiniLmEncoder encoder;

    /**
     * @throws IllegalArgumentException when the spec has other modalities than text
     */
    public MiniLmFineTuneBlock(MiniLmFineTuneConfig config, ModelSpec spec) {
        super(VERSION);
        if (!spec.modalities().equals(List.of(Modality.TEXT))) {
            throw new IllegalArgumentException("fusion minilm reads text only (the minilm-pieces track); the row lists " + spec.keys()
                    + ": set the row's modalities to [text]");
        }
        this.spec = spec;
        this.config = config;
        this.encoder = addChildBlock("encoder", new MiniLmEncoder(MiniLmWeights.pretrained(config.pretrained()), 12, config.dropout().floatValue(),
                config.trainEmbeddings(), config.frozenLayers()));
    }

    @Override
    public FusedOutput fuse(ParameterStore ps, NDList inputs, boolean training) {
        FusionInputs in = FusionInputs.parse(MiniLmFineTuneProvider.NAME, spec, inputs);
        NDArray x = in.features().get(0);
        if (x.getShape().get(1) != 1) {
            throw new IllegalArgumentException("fusion minilm: the text features must be one row per clip (minilm-pieces with"
                    + " alignment.rate: 1), got " + x.getShape().get(1) + " steps");
        }
        NDManager manager = x.getManager();
        int b = (int) x.getShape().get(0);
        DialogueTokens t = DialogueTokens.of(x.toFloatArray(), b, (int) x.getShape().get(2), spec.context(Modality.TEXT));
        Shape shape = new Shape(b, t.length());
        NDArray ids = manager.create(t.ids(), shape);
        NDArray attention = manager.create(t.attention(), shape);
        NDArray pool = manager.create(t.pool(), shape);
        NDArray hidden = encoder.forward(ps, new NDList(ids, attention), training).singletonOrThrow();
        NDArray pooled = hidden.mul(pool.expandDims(2)).sum(new int[] {1}).div(pool.sum(new int[] {1}, true));
        if (training && config.dropout() > 0) {
            pooled = Dropout.dropout(pooled, config.dropout().floatValue(), true).singletonOrThrow();
        }
        return new FusedOutput(null, null, pooled, null, null);
    }

    /** The clip's tokens (its own pieces, and with context its neighbours'): the batch is cut to its longest input. */
    @Override
    public int paddedLength(AlignedClip clip) {
        float[] row = clip.features().get(Modality.TEXT);
        return row == null ? 0 : DialogueTokens.tokens(row, spec.context(Modality.TEXT));
    }

    @Override
    public int stepWidth() {
        return 0;
    }

    @Override
    public int pooledWidth() {
        return encoder.hidden();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, new Shape(inputShapes[0].get(0), 4), new Shape(inputShapes[0].get(0), 4));
    }
}
