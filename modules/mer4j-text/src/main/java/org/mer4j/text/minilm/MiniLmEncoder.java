package org.mer4j.text.minilm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mer4j.models.Scalars;

/**
 * The BERT encoder (Devlin et al., NAACL 2019) of all-MiniLM-L6-v2 (Wang et al., NeurIPS 2020,
 * MiniLM; Reimers and Gurevych, EMNLP 2019, Sentence-BERT) as a trainable DJL block, its parameters
 * starting from the weights of the ONNX export on Maven Central ({@link OnnxWeights}), so that the
 * encoder can be fine-tuned on a task; {@link MiniLmModel} runs the same weights frozen through ONNX
 * Runtime, and the two agree (MiniLmEncoderTest).
 *
 * <p>Inputs: word-piece ids {@code [B,L]} (int64, [CLS] first, [SEP] last, 0 = [PAD]) and the
 * attention mask {@code [B,L]} (float32, 1 = token). Output: the last hidden state {@code [B,L,384]}.
 * Post-layer-norm blocks as in BERT: self-attention with 12 heads, then a GELU (erf) feed-forward
 * layer of 1536 units, each followed by dropout, the residual and a layer norm (eps 1e-12); token
 * type 0 throughout. Dropout (hidden states and attention weights) acts only in training.
 */
public final class MiniLmEncoder extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final float LAYER_NORM_EPS = 1e-12f;
    /** Added to the attention scores of padding tokens (exp of it is 0 in float32). */
    private static final float MASKED_SCORE = -1e30f;

    private final int layers;
    private final int heads;
    private final int hidden;
    private final float dropout;
    private final Map<String, Parameter> params = new LinkedHashMap<>();

    /**
     * The encoder over {@code weights} (PyTorch names, as {@link OnnxWeights#read} returns them).
     *
     * @param heads attention heads (12 for MiniLM-L6)
     * @param dropout dropout rate of hidden states and attention weights in training (BERT: 0.1)
     * @param trainEmbeddings whether the word-piece embedding table (30,522 x 384, half the
     *     parameters) is trained; position embeddings and the layers above {@code frozenLayers} always are
     * @param frozenLayers how many of the lowest layers keep their pretrained weights (0: all are
     *     trained); with any, the embeddings are frozen too, so that no gradient has to flow through
     *     the frozen layers and their backward pass is saved
     * @throws IllegalArgumentException when a weight the encoder needs is missing or has another shape,
     *     or {@code frozenLayers} is not below the number of layers
     */
    public MiniLmEncoder(Map<String, OnnxWeights.Tensor> weights, int heads, float dropout, boolean trainEmbeddings, int frozenLayers) {
        super(VERSION);
        int n = 0;
        while (weights.containsKey("encoder.layer." + n + ".attention.self.query.weight")) {
            n++;
        }
        OnnxWeights.Tensor word = need(weights, "embeddings.word_embeddings.weight");
        this.layers = n;
        this.hidden = (int) word.dims()[1];
        this.heads = heads;
        this.dropout = dropout;
        if (n == 0 || hidden % heads != 0) {
            throw new IllegalArgumentException("MiniLM weights: " + n + " layers of width " + hidden + " cannot be split into " + heads
                    + " heads; is this a BERT-style ONNX export?");
        }
        if (frozenLayers < 0 || frozenLayers >= n || frozenLayers > 0 && trainEmbeddings) {
            throw new IllegalArgumentException("fusion minilm.frozenLayers must be in [0, " + n + ") for an encoder of " + n
                    + " layers, and 0 with trainEmbeddings (the embeddings sit below the frozen layers), got " + frozenLayers);
        }
        boolean frozenBase = frozenLayers > 0;
        add(weights, "embeddings.word_embeddings.weight").freeze(!trainEmbeddings);
        add(weights, "embeddings.position_embeddings.weight").freeze(frozenBase);
        add(weights, "embeddings.token_type_embeddings.weight").freeze(frozenBase);
        add(weights, "embeddings.LayerNorm.weight").freeze(frozenBase);
        add(weights, "embeddings.LayerNorm.bias").freeze(frozenBase);
        for (int l = 0; l < layers; l++) {
            boolean frozen = l < frozenLayers;
            String p = "encoder.layer." + l + ".";
            for (String linear : new String[] {"attention.self.query", "attention.self.key", "attention.self.value",
                    "attention.output.dense", "intermediate.dense", "output.dense"}) {
                add(weights, p + linear + ".weight").freeze(frozen);
                add(weights, p + linear + ".bias").freeze(frozen);
            }
            for (String norm : new String[] {"attention.output.LayerNorm", "output.LayerNorm"}) {
                add(weights, p + norm + ".weight").freeze(frozen);
                add(weights, p + norm + ".bias").freeze(frozen);
            }
        }
    }

    private static OnnxWeights.Tensor need(Map<String, OnnxWeights.Tensor> weights, String name) {
        OnnxWeights.Tensor t = weights.get(name);
        if (t == null) {
            throw new IllegalArgumentException("BERT weights: '" + name + "' is missing; is this the ONNX export of one of the encoders"
                    + " in PretrainedBert (e.g. " + MiniLmModel.ARTIFACT + ")?");
        }
        return t;
    }

    private Parameter add(Map<String, OnnxWeights.Tensor> weights, String name) {
        OnnxWeights.Tensor t = need(weights, name);
        Shape shape = new Shape(t.dims());
        Parameter p = addParameter(Parameter.builder()
                .setName(name.replace('.', '_'))
                .setType(name.endsWith("bias") ? Parameter.Type.BIAS : Parameter.Type.WEIGHT)
                .optShape(shape)
                .optInitializer((manager, s, dataType) -> manager.create(t.values(), shape))
                .build());
        params.put(name, p);
        return p;
    }

    /** Width of the hidden states. */
    public int hidden() {
        return hidden;
    }

    private NDArray value(ParameterStore ps, String name, NDArray like, boolean training) {
        return ps.getValue(params.get(name), like.getDevice(), training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> extra) {
        NDArray ids = inputs.get(0);
        NDArray mask = inputs.get(1);
        long b = ids.getShape().get(0);
        long len = ids.getShape().get(1);
        // lookups with the batch's arrays first, so that their results belong to the batch's manager
        // (an op's result joins its first operand's manager; a parameter's would keep it to the end)
        NDManager batch = ids.getManager();
        NDArray positions = batch.arange(0, (int) len, 1, DataType.INT64, ids.getDevice()).reshape(1, len);
        NDArray tokenTypes = batch.zeros(new Shape(1, 1), DataType.INT64, ids.getDevice());
        NDArray x = lookup(ps, "embeddings.word_embeddings.weight", ids, training)
                .add(lookup(ps, "embeddings.position_embeddings.weight", positions, training))
                .add(lookup(ps, "embeddings.token_type_embeddings.weight", tokenTypes, training));
        x = norm(ps, "embeddings.LayerNorm", x, training);
        x = drop(x, training);
        // [B,1,1,L]: 0 at tokens, a large negative number at padding
        // constants by Scalars, never NDArray's Number overloads: autograd keeps them for backward, and a
        // Java-backed one may be freed by then (it made fine-tuning depend on when the collector ran)
        NDArray scoreMask = Scalars.mul(Scalars.subtractFrom(1, mask.toType(DataType.FLOAT32, false)), MASKED_SCORE).reshape(b, 1, 1, len);
        int headWidth = hidden / heads;
        float scale = (float) (1 / Math.sqrt(headWidth));
        for (int l = 0; l < layers; l++) {
            String p = "encoder.layer." + l + ".";
            NDArray q = split(linear(ps, p + "attention.self.query", x, training), headWidth);
            NDArray k = split(linear(ps, p + "attention.self.key", x, training), headWidth);
            NDArray v = split(linear(ps, p + "attention.self.value", x, training), headWidth);
            NDArray weightsOfAttention = Scalars.mul(q.matMul(k.transpose(0, 1, 3, 2)), scale).add(scoreMask).softmax(-1);
            NDArray context = drop(weightsOfAttention, training).matMul(v).transpose(0, 2, 1, 3).reshape(b, len, hidden);
            NDArray attended = drop(linear(ps, p + "attention.output.dense", context, training), training);
            x = norm(ps, p + "attention.output.LayerNorm", attended.add(x), training);
            NDArray inner = Activation.gelu(linear(ps, p + "intermediate.dense", x, training));
            NDArray out = drop(linear(ps, p + "output.dense", inner, training), training);
            x = norm(ps, p + "output.LayerNorm", out.add(x), training);
        }
        return new NDList(x);
    }

    /** Rows {@code ids} of the table {@code name}: {@code [B,L]} to {@code [B,L,D]}. */
    private NDArray lookup(ParameterStore ps, String name, NDArray ids, boolean training) {
        return Embedding.embedding(ids, value(ps, name, ids, training), SparseFormat.DENSE).singletonOrThrow();
    }

    /** {@code [B,L,D]} to {@code [B,H,L,D/H]}. */
    private NDArray split(NDArray x, int headWidth) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), heads, headWidth).transpose(0, 2, 1, 3);
    }

    private NDArray linear(ParameterStore ps, String module, NDArray x, boolean training) {
        // the export's MatMul layout [in, out]: x W + b
        return x.matMul(value(ps, module + ".weight", x, training)).add(value(ps, module + ".bias", x, training));
    }

    private NDArray norm(ParameterStore ps, String module, NDArray x, boolean training) {
        return LayerNorm.layerNorm(x, new Shape(hidden), value(ps, module + ".weight", x, training), value(ps, module + ".bias", x, training),
                LAYER_NORM_EPS).singletonOrThrow();
    }

    private NDArray drop(NDArray x, boolean training) {
        return training && dropout > 0 ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), hidden)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // no child blocks: every parameter starts from its pretrained value
    }
}
