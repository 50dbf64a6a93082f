package org.mer4j.models.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.Modality;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.Scalars;
import org.mer4j.models.TokenInput;

/**
 * Learned token embeddings (Bengio et al. 2003, "A Neural Probabilistic Language Model", JMLR):
 * for every {@link TokenInput} of the spec, the id column of that modality's features {@code [B,T,D]}
 * is looked up in a table {@code [V, E]} (an index gather, so a batch costs {@code B*T*E}, not
 * {@code B*T*V}) and replaced in place by the {@code E} columns of its row; id 0 ("no token") gives
 * zeros. Rows start as N(0, 1), the scale of the standardised features beside them, and are trained
 * with the task; only the rows of ids in a batch receive gradient. Inputs and outputs are
 * {@code (x_1, mask_1, ...)} in spec order; modalities without tokens pass through unchanged.
 */
public final class TokenEmbeddings extends AbstractBlock {
    private static final byte VERSION = 1;

    private final ModelSpec spec;
    private final Map<Modality, Parameter> tables = new LinkedHashMap<>();

    /** The tables of {@code spec.tokens()}. */
    public TokenEmbeddings(ModelSpec spec) {
        super(VERSION);
        this.spec = spec;
        for (TokenInput t : spec.tokens()) {
            tables.put(t.modality(), addParameter(Parameter.builder()
                    .setName(t.modality().key() + "Embedding")
                    .setType(Parameter.Type.WEIGHT)
                    .optInitializer(new NormalInitializer(1f))
                    .optShape(new Shape(t.vocabularySize(), t.width()))
                    .build()));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList out = new NDList(inputs.size());
        for (int i = 0; i < spec.modalities().size(); i++) {
            Modality m = spec.modalities().get(i);
            NDArray x = inputs.get(2 * i);
            TokenInput token = spec.token(m);
            out.add(token == null ? x : embed(ps, token, x, training));
            out.add(inputs.get(2 * i + 1));
        }
        return out;
    }

    private NDArray embed(ParameterStore ps, TokenInput token, NDArray x, boolean training) {
        Shape s = x.getShape();
        int dim = spec.dim(token.modality());
        if (s.dimension() != 3 || s.get(2) != dim) {
            throw new IllegalArgumentException("token embeddings: features of " + token.modality().key() + " must have shape [B,T," + dim
                    + "], got " + s);
        }
        long b = s.get(0);
        long steps = s.get(1);
        NDArray ids = x.get(new NDIndex(":, :, {}", token.column()));
        NDArray rows = ids.toType(DataType.INT64, false).reshape(-1);
        long largest = rows.max().getLong();
        long smallest = rows.min().getLong();
        if (smallest < 0 || largest >= token.vocabularySize()) {
            throw new IllegalArgumentException("token embeddings: " + token.modality().key() + " column " + token.column()
                    + " holds id " + (smallest < 0 ? smallest : largest) + ", outside the vocabulary of " + token.vocabularySize()
                    + " rows; the ids must come from the vocabulary the model was built with");
        }
        NDArray table = ps.getValue(tables.get(token.modality()), x.getDevice(), training);
        NDArray present = ids.gt(Scalars.of(ids, 0)).toType(x.getDataType(), false).expandDims(2);
        NDArray embedded = table.get(new NDIndex("{}", rows)).reshape(b, steps, token.width()).mul(present);
        List<NDArray> parts = new ArrayList<>(3);
        if (token.column() > 0) {
            parts.add(x.get(new NDIndex(":, :, :{}", token.column())));
        }
        parts.add(embedded);
        if (token.column() < dim - 1) {
            parts.add(x.get(new NDIndex(":, :, {}:", token.column() + 1)));
        }
        return parts.size() == 1 ? embedded : NDArrays.concat(new NDList(parts), 2);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        ModelSpec fused = spec.fused();
        Shape[] out = inputShapes.clone();
        for (int i = 0; i < spec.modalities().size(); i++) {
            Shape x = inputShapes[2 * i];
            out[2 * i] = new Shape(x.get(0), x.get(1), fused.dim(spec.modalities().get(i)));
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // no child blocks; the tables have fixed shapes
    }
}
