package org.mer4j.features;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.Modality;

/**
 * The aligned feature columns that hold ids (word or word-piece ids, which a model looks up in an
 * embedding table), not measurements: the tracks of extractors whose
 * {@link FeatureExtractor#holdsIds()} is true. {@link Standardizer} passes these columns through
 * unchanged, so an id reaches the model as the extractor wrote it. Immutable.
 */
public final class IdColumns {
    /** No id columns. */
    public static final IdColumns NONE = new IdColumns(new EnumMap<>(Modality.class));

    private final Map<Modality, boolean[]> columns;

    private IdColumns(Map<Modality, boolean[]> columns) {
        this.columns = columns;
    }

    /** These columns plus {@code dim} columns of {@code modality} from {@code offset} on. */
    public IdColumns with(Modality modality, int offset, int dim) {
        if (offset < 0 || dim <= 0) {
            throw new IllegalArgumentException("id columns of " + modality.key() + ": offset " + offset + " and dim " + dim
                    + "; expected offset >= 0 and dim > 0");
        }
        Map<Modality, boolean[]> out = new EnumMap<>(Modality.class);
        columns.forEach((m, c) -> out.put(m, c.clone()));
        boolean[] old = out.getOrDefault(modality, new boolean[0]);
        boolean[] wider = Arrays.copyOf(old, Math.max(old.length, offset + dim));
        Arrays.fill(wider, offset, offset + dim, true);
        out.put(modality, wider);
        return new IdColumns(out);
    }

    /** Per column of a {@code dim}-wide {@code modality} vector, whether it holds ids (a new array). */
    public boolean[] mask(Modality modality, int dim) {
        boolean[] c = columns.getOrDefault(modality, new boolean[0]);
        if (c.length > dim) {
            throw new IllegalArgumentException("id columns of " + modality.key() + " reach column " + (c.length - 1) + " but its vectors have "
                    + dim + " columns; the id tracks and the features do not belong together");
        }
        return Arrays.copyOf(c, dim);
    }

    /** Whether there is no id column at all. */
    public boolean isEmpty() {
        return columns.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IdColumns other) || !columns.keySet().equals(other.columns.keySet())) {
            return false;
        }
        return columns.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.columns.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        int h = columns.keySet().hashCode();
        for (boolean[] c : columns.values()) {
            h = 31 * h + Arrays.hashCode(c);
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("IdColumns{");
        columns.forEach((m, c) -> {
            sb.append(m.key()).append('=');
            for (int d = 0; d < c.length; d++) {
                if (c[d]) {
                    sb.append(d).append(' ');
                }
            }
        });
        return sb.append('}').toString();
    }
}
