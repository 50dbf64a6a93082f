package org.mer4j.experiments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;
import org.mer4j.features.IdColumns;
import org.mer4j.models.ConversationLayout;

/**
 * Appends the features of each clip's neighbouring utterances in its conversation
 * ({@link ContextConfig}) to every step of the clip's own features.
 *
 * <p>For a modality of dimension D and a window of {@code previous} earlier and {@code next} later
 * utterances, each step's D values are followed by one block per neighbour offset (-previous..-1,
 * 1..next, in that order) of D + 2 values: the neighbour's clip-level mean over its valid steps, a
 * presence flag (1 when that neighbour exists, else 0 and the block is zero) and a same-speaker flag
 * (1 when the neighbour's subject is the clip's). The new dimension is D + (previous + next)(D + 2);
 * masks are the clip's own. Neighbours are taken among the clips given (clips skipped at extraction
 * are not neighbours), ordered by {@code orderBy} (numeric) and then by clip id.
 *
 * <p>Id columns (word-piece ids, {@link IdColumns}) cannot be averaged, so a modality holding ids gets
 * context only when every clip has one step (one row per clip, {@code alignment.rate: 1} with
 * one-row extractors such as {@code minilm-pieces}): the neighbour's "mean" is then its row, ids
 * included, and {@link #widen(IdColumns, Map, ContextConfig, List)} marks the neighbours' id columns.
 * A fusion model reads the layout from {@link org.mer4j.models.ModelSpec#context()}.
 */
public final class ConversationContext {
    private ConversationContext() {
    }

    /**
     * @param clips every aligned clip (context is read across splits: only features, never labels)
     * @param metadata each clip's manifest metadata
     * @param context the row's context settings
     * @param rowModalities the row's modalities
     * @return the clips in the same order, with context blocks appended to the chosen modalities
     * @throws IllegalArgumentException naming the clip and field when metadata is missing or not numeric
     */
    public static List<AlignedClip> apply(List<AlignedClip> clips, Map<String, Map<String, String>> metadata, ContextConfig context,
                                          List<Modality> rowModalities) {
        List<Modality> modalities = contextual(context, rowModalities);
        for (Modality m : modalities) {
            if (!rowModalities.contains(m)) {
                throw new IllegalArgumentException("rows[].context.modalities: " + m.key() + " is not one of the row's modalities "
                        + rowModalities.stream().map(Modality::key).toList());
            }
        }
        Map<String, List<Integer>> conversations = new LinkedHashMap<>();
        Map<Integer, Double> position = new java.util.HashMap<>();
        for (int i = 0; i < clips.size(); i++) {
            String id = clips.get(i).clipId();
            Map<String, String> meta = metadata.getOrDefault(id, Map.of());
            String group = meta.get(context.groupBy());
            if (group == null) {
                throw new IllegalArgumentException("clip " + id + " has no metadata '" + context.groupBy() + "', which rows[].context.groupBy"
                        + " names; give every clip that field in the manifest (metadata) or remove the row's context");
            }
            conversations.computeIfAbsent(group, g -> new ArrayList<>()).add(i);
            if (context.orderBy() != null) {
                position.put(i, position(id, meta, context.orderBy()));
            }
        }
        List<int[]> neighbours = new ArrayList<>(java.util.Collections.nCopies(clips.size(), null));
        for (List<Integer> members : conversations.values()) {
            List<Integer> ordered = new ArrayList<>(members);
            if (context.orderBy() != null) {
                ordered.sort(Comparator.<Integer>comparingDouble(position::get).thenComparing(i -> clips.get(i).clipId()));
            }
            for (int k = 0; k < ordered.size(); k++) {
                int[] around = new int[context.previous() + context.next()];
                int slot = 0;
                for (int o = -context.previous(); o <= context.next(); o++) {
                    if (o == 0) {
                        continue;
                    }
                    int j = k + o;
                    around[slot++] = j >= 0 && j < ordered.size() ? ordered.get(j) : -1;
                }
                neighbours.set(ordered.get(k), around);
            }
        }
        Map<Modality, float[][]> means = new EnumMap<>(Modality.class);
        for (Modality m : modalities) {
            float[][] perClip = new float[clips.size()][];
            for (int i = 0; i < clips.size(); i++) {
                perClip[i] = clipMean(clips.get(i), m);
            }
            means.put(m, perClip);
        }
        List<AlignedClip> out = new ArrayList<>(clips.size());
        for (int i = 0; i < clips.size(); i++) {
            out.add(withContext(clips.get(i), neighbours.get(i), clips, means));
        }
        return out;
    }

    /** The width a modality of dimension {@code dim} has after context is appended. */
    public static int widened(int dim, ContextConfig context) {
        return layout(dim, context).width();
    }

    /** The layout of a modality of dimension {@code dim} after context is appended. */
    public static ConversationLayout layout(int dim, ContextConfig context) {
        return new ConversationLayout(dim, context.previous(), context.next());
    }

    /** The modalities of a row that get context blocks. */
    public static List<Modality> contextual(ContextConfig context, List<Modality> rowModalities) {
        return context.modalities().isEmpty() ? rowModalities : context.modalities().stream().map(Modality::parse).toList();
    }

    /**
     * The id columns after context is appended to {@code modalities} of the given own widths: each
     * neighbour block repeats its modality's id columns (its flags are not ids).
     */
    public static IdColumns widen(IdColumns ids, Map<Modality, Integer> ownDims, ContextConfig context, List<Modality> modalities) {
        IdColumns out = ids;
        for (Modality m : modalities) {
            int d = ownDims.get(m);
            boolean[] own = ids.mask(m, d);
            ConversationLayout layout = layout(d, context);
            for (int c = 0; c < d; c++) {
                if (!own[c] || (c > 0 && own[c - 1])) {
                    continue;
                }
                int run = 1;
                while (c + run < d && own[c + run]) {
                    run++;
                }
                for (int slot = 0; slot < layout.neighbours(); slot++) {
                    out = out.with(m, layout.blockOffset(slot) + c, run);
                }
            }
        }
        return out;
    }

    private static AlignedClip withContext(AlignedClip clip, int[] around, List<AlignedClip> clips, Map<Modality, float[][]> means) {
        Map<Modality, float[]> features = new EnumMap<>(clip.features());
        Map<Modality, Integer> dims = new EnumMap<>(clip.dims());
        for (Map.Entry<Modality, float[][]> e : means.entrySet()) {
            Modality m = e.getKey();
            int d = clip.dims().get(m);
            int width = d + around.length * (d + 2);
            float[] own = clip.features().get(m);
            float[] block = new float[around.length * (d + 2)];
            for (int s = 0; s < around.length; s++) {
                int j = around[s];
                if (j < 0) {
                    continue;
                }
                float[] mean = e.getValue()[j];
                if (mean.length != d) {
                    throw new IllegalArgumentException("clip " + clips.get(j).clipId() + " has " + mean.length + " " + m.key()
                            + " features where its neighbour " + clip.clipId() + " has " + d + "; extract both with the same extractors");
                }
                System.arraycopy(mean, 0, block, s * (d + 2), d);
                block[s * (d + 2) + d] = 1f;
                block[s * (d + 2) + d + 1] = clips.get(j).subject() != null && clips.get(j).subject().equals(clip.subject()) ? 1f : 0f;
            }
            float[] widened = new float[clip.steps() * width];
            for (int t = 0; t < clip.steps(); t++) {
                System.arraycopy(own, t * d, widened, t * width, d);
                System.arraycopy(block, 0, widened, t * width + d, block.length);
            }
            features.put(m, widened);
            dims.put(m, width);
        }
        return clip.withFeatures(features, dims, clip.masks());
    }

    private static float[] clipMean(AlignedClip clip, Modality m) {
        float[] x = clip.features().get(m);
        if (x == null) {
            throw new IllegalArgumentException("clip " + clip.clipId() + " has no " + m.key() + " features for rows[].context");
        }
        int d = clip.dims().get(m);
        boolean[] mask = clip.masks().get(m);
        double[] sum = new double[d];
        int n = 0;
        for (int t = 0; t < clip.steps(); t++) {
            if (!mask[t]) {
                continue;
            }
            n++;
            for (int k = 0; k < d; k++) {
                sum[k] += x[t * d + k];
            }
        }
        float[] mean = new float[d];
        for (int k = 0; n > 0 && k < d; k++) {
            mean[k] = (float) (sum[k] / n);
        }
        return mean;
    }

    private static double position(String id, Map<String, String> meta, String key) {
        String v = meta.get(key);
        if (v == null) {
            throw new IllegalArgumentException("clip " + id + " has no metadata '" + key + "', which rows[].context.orderBy names; give"
                    + " every clip its position in the conversation or drop orderBy to keep the manifest's order");
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("clip " + id + ": metadata '" + key + "' is '" + v + "', expected a number (the clip's"
                    + " position in its conversation) for rows[].context.orderBy");
        }
    }
}
