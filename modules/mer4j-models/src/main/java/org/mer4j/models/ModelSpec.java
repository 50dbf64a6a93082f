package org.mer4j.models;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mer4j.api.Modality;
import org.mer4j.models.heads.HeadSpec;

/**
 * What a fusion model is built for: the modalities it reads (in input order), the feature dimension
 * of each, and the heads of the configured tasks (names, levels, widths — not what the tasks mean).
 *
 * <p>The block built from a spec takes the inputs {@code (x_1, mask_1, x_2, mask_2, ...)} in the
 * order of {@link #modalities()}; see {@link FusionBlock}.
 *
 * <p>With {@link #tokens()}, some feature columns hold token ids that {@link TaskModel} embeds
 * before fusion: {@code inputDims} are the widths of the batches the model receives, and the fusion
 * model is built for {@link #fused()}, where each id column is replaced by its embedding.
 *
 * @param modalities ordered, distinct, non-empty
 * @param inputDims positive feature dimension D for every modality in {@code modalities}
 * @param heads the task heads, with distinct names, at least one
 * @param tokens token-id columns embedded by the framework, at most one per modality (may be empty)
 * @param context per modality whose vectors carry conversational context, their layout (may be empty;
 *                its width must equal the modality's input dimension)
 */
public record ModelSpec(List<Modality> modalities, Map<Modality, Integer> inputDims, List<HeadSpec> heads, List<TokenInput> tokens,
                        Map<Modality, ConversationLayout> context) {
    /** A spec without token inputs. */
    public ModelSpec(List<Modality> modalities, Map<Modality, Integer> inputDims, List<HeadSpec> heads) {
        this(modalities, inputDims, heads, List.of());
    }

    /** A spec without conversational context. */
    public ModelSpec(List<Modality> modalities, Map<Modality, Integer> inputDims, List<HeadSpec> heads, List<TokenInput> tokens) {
        this(modalities, inputDims, heads, tokens, Map.of());
    }

    public ModelSpec {
        if (modalities == null || modalities.isEmpty()) {
            throw new IllegalArgumentException("model spec: modalities must list at least one of video, audio, text");
        }
        if (new HashSet<>(modalities).size() != modalities.size()) {
            throw new IllegalArgumentException("model spec: modalities " + modalities + " contain a duplicate; list each modality once");
        }
        if (inputDims == null) {
            throw new IllegalArgumentException("model spec: inputDims is missing; give the feature dimension of each modality");
        }
        Map<Modality, Integer> dims = new LinkedHashMap<>();
        for (Modality m : modalities) {
            Integer d = inputDims.get(m);
            if (d == null || d <= 0) {
                throw new IllegalArgumentException("model spec: inputDims." + m.key() + " must be a positive feature dimension, got " + d);
            }
            dims.put(m, d);
        }
        if (heads == null || heads.isEmpty()) {
            throw new IllegalArgumentException("model spec: no task heads; configure at least one task");
        }
        Set<String> seen = new HashSet<>();
        for (HeadSpec h : heads) {
            if (!seen.add(h.name())) {
                throw new IllegalArgumentException("model spec: two heads are named '" + h.name() + "'; give each task a distinct name");
            }
        }
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        Set<Modality> embedded = new HashSet<>();
        for (TokenInput token : tokens) {
            Integer d = dims.get(token.modality());
            if (d == null) {
                throw new IllegalArgumentException("model spec: token input of " + token.modality().key() + ", which is not among "
                        + modalities);
            }
            if (token.column() >= d) {
                throw new IllegalArgumentException("model spec: token column " + token.column() + " of " + token.modality().key()
                        + " is outside its " + d + " feature columns");
            }
            if (!embedded.add(token.modality())) {
                throw new IllegalArgumentException("model spec: two token inputs for " + token.modality().key() + "; give one per modality");
            }
        }
        context = context == null ? Map.of() : Map.copyOf(context);
        for (Map.Entry<Modality, ConversationLayout> e : context.entrySet()) {
            Integer d = dims.get(e.getKey());
            if (d == null || d != e.getValue().width()) {
                throw new IllegalArgumentException("model spec: the conversation layout of " + e.getKey().key() + " is " + e.getValue().width()
                        + " columns wide, its input dimension " + d);
            }
            if (embedded.contains(e.getKey())) {
                throw new IllegalArgumentException("model spec: " + e.getKey().key() + " has both a token input and conversational context;"
                        + " give the row's context to the other modalities");
            }
        }
        modalities = List.copyOf(modalities);
        inputDims = java.util.Collections.unmodifiableMap(dims);
        heads = List.copyOf(heads);
    }

    /** The conversation layout of {@code modality}, or null when its vectors carry no context. */
    public ConversationLayout context(Modality modality) {
        return context.get(modality);
    }

    /** The token input of {@code modality}, or null. */
    public TokenInput token(Modality modality) {
        return tokens.stream().filter(t -> t.modality() == modality).findFirst().orElse(null);
    }

    /**
     * The spec the fusion model is built for: each token-id column replaced by its embedding's
     * width, no token inputs. {@code this} when there are none.
     */
    public ModelSpec fused() {
        if (tokens.isEmpty()) {
            return this;
        }
        Map<Modality, Integer> dims = new LinkedHashMap<>();
        for (Modality m : modalities) {
            TokenInput t = token(m);
            dims.put(m, t == null ? inputDims.get(m) : inputDims.get(m) - 1 + t.width());
        }
        return new ModelSpec(modalities, dims, heads, List.of(), context);
    }

    /** Feature dimension of {@code modality}; fails naming the known modalities when it is not part of the spec. */
    public int dim(Modality modality) {
        Integer d = inputDims.get(modality);
        if (d == null) {
            throw new IllegalArgumentException("modality " + modality.key() + " is not part of this model (modalities " + keys() + ")");
        }
        return d;
    }

    /** Sum of the input dimensions of all modalities. */
    public int totalInputDim() {
        int sum = 0;
        for (Modality m : modalities) {
            sum += inputDims.get(m);
        }
        return sum;
    }

    /** Modality keys in input order, e.g. [video, audio]. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Modality m : modalities) {
            keys.add(m.key());
        }
        return keys;
    }
}
