package org.mer4j.features;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;

/**
 * Per-feature z-scoring fitted on training clips only (valid steps), then applied to any clip;
 * masked steps stay zero. Fitting on the training fold keeps test subjects out of the statistics.
 * {@link IdColumns} pass through unchanged (mean 0, scale 1): they hold ids, not measurements.
 */
public final class Standardizer {
    private final Map<Modality, float[]> mean;
    private final Map<Modality, float[]> scale;
    private final IdColumns ids;

    private Standardizer(Map<Modality, float[]> mean, Map<Modality, float[]> scale, IdColumns ids) {
        this.mean = mean;
        this.scale = scale;
        this.ids = ids;
    }

    /**
     * Fits means and standard deviations on the valid steps of the given clips; the {@code ids}
     * columns get mean 0 and scale 1.
     */
    public static Standardizer fit(List<AlignedClip> clips, IdColumns ids) {
        Map<Modality, double[]> sum = new EnumMap<>(Modality.class);
        Map<Modality, double[]> sq = new EnumMap<>(Modality.class);
        Map<Modality, Long> n = new EnumMap<>(Modality.class);
        for (AlignedClip c : clips) {
            for (Modality m : c.features().keySet()) {
                int dim = c.dims().get(m);
                double[] s = sum.computeIfAbsent(m, k -> new double[dim]);
                double[] q = sq.computeIfAbsent(m, k -> new double[dim]);
                float[] x = c.features().get(m);
                boolean[] mask = c.masks().get(m);
                boolean[] id = ids.mask(m, dim);
                for (int t = 0; t < c.steps(); t++) {
                    if (mask[t]) {
                        n.merge(m, 1L, Long::sum);
                        for (int d = 0; d < dim; d++) {
                            if (id[d]) {
                                continue;
                            }
                            s[d] += x[t * dim + d];
                            q[d] += (double) x[t * dim + d] * x[t * dim + d];
                        }
                    }
                }
            }
        }
        Map<Modality, float[]> mean = new EnumMap<>(Modality.class);
        Map<Modality, float[]> scale = new EnumMap<>(Modality.class);
        for (Modality m : sum.keySet()) {
            long count = Math.max(1, n.getOrDefault(m, 0L));
            double[] s = sum.get(m);
            float[] mu = new float[s.length];
            float[] sc = new float[s.length];
            boolean[] id = ids.mask(m, s.length);
            for (int d = 0; d < s.length; d++) {
                if (id[d]) {
                    sc[d] = 1;
                    continue;
                }
                double mm = s[d] / count;
                double var = Math.max(0, sq.get(m)[d] / count - mm * mm);
                mu[d] = (float) mm;
                sc[d] = (float) (var > 1e-12 ? 1 / Math.sqrt(var) : 1);
            }
            mean.put(m, mu);
            scale.put(m, sc);
        }
        return new Standardizer(mean, scale, ids);
    }

    /**
     * Speaker normalisation: each subject's clips are z-scored with statistics of that subject's
     * own clips (features only, never labels); the {@code ids} columns pass through. Clip order is kept.
     */
    public static List<AlignedClip> perSubject(List<AlignedClip> clips, IdColumns ids) {
        Map<String, Standardizer> fitted = fitPerSubject(clips, ids);
        return clips.stream().map(c -> fitted.get(c.subject()).apply(c)).toList();
    }

    /** The statistics {@link #perSubject} applies: one standardizer per subject, fitted on that subject's clips (in clip order). */
    public static Map<String, Standardizer> fitPerSubject(List<AlignedClip> clips, IdColumns ids) {
        Map<String, List<AlignedClip>> bySubject = new java.util.LinkedHashMap<>();
        clips.forEach(c -> bySubject.computeIfAbsent(c.subject(), k -> new java.util.ArrayList<>()).add(c));
        Map<String, Standardizer> fitted = new java.util.LinkedHashMap<>();
        bySubject.forEach((s, cs) -> fitted.put(s, fit(cs, ids)));
        return fitted;
    }

    /**
     * A standardizer with given statistics (e.g. read back from a run folder): per modality the
     * means and the scales (1 / standard deviation) of its features, of equal length. The
     * {@code ids} columns pass through whatever statistics the maps hold for them.
     */
    public static Standardizer of(Map<Modality, float[]> mean, Map<Modality, float[]> scale, IdColumns ids) {
        if (!mean.keySet().equals(scale.keySet())) {
            throw new IllegalArgumentException("standardizer: means for " + mean.keySet() + " but scales for " + scale.keySet());
        }
        Map<Modality, float[]> mu = new EnumMap<>(Modality.class);
        Map<Modality, float[]> sc = new EnumMap<>(Modality.class);
        for (Modality m : mean.keySet()) {
            if (mean.get(m).length != scale.get(m).length) {
                throw new IllegalArgumentException("standardizer: " + m.key() + " has " + mean.get(m).length + " means but "
                        + scale.get(m).length + " scales");
            }
            mu.put(m, mean.get(m).clone());
            sc.put(m, scale.get(m).clone());
        }
        return new Standardizer(mu, sc, ids);
    }

    /** The modalities this standardizer has statistics for. */
    public java.util.Set<Modality> modalities() {
        return java.util.Collections.unmodifiableSet(mean.keySet());
    }

    /** A copy of the feature means of {@code modality}. */
    public float[] mean(Modality modality) {
        return mean.get(modality).clone();
    }

    /** A copy of the feature scales (1 / standard deviation, 1 for a constant feature) of {@code modality}. */
    public float[] scale(Modality modality) {
        return scale.get(modality).clone();
    }

    /** The columns this standardizer passes through unchanged. */
    public IdColumns ids() {
        return ids;
    }

    /** A standardised copy of the clip; id columns keep their values on valid steps. */
    public AlignedClip apply(AlignedClip c) {
        Map<Modality, float[]> out = new HashMap<>();
        for (Modality m : c.features().keySet()) {
            float[] mu = mean.get(m);
            float[] sc = scale.get(m);
            if (mu == null) {
                throw new IllegalArgumentException("clip " + c.clipId() + ": modality " + m.key() + " was not in the training clips");
            }
            int dim = c.dims().get(m);
            float[] x = c.features().get(m);
            float[] y = new float[x.length];
            boolean[] mask = c.masks().get(m);
            boolean[] id = ids.mask(m, dim);
            for (int t = 0; t < c.steps(); t++) {
                if (mask[t]) {
                    for (int d = 0; d < dim; d++) {
                        float v = x[t * dim + d];
                        y[t * dim + d] = id[d] ? v : (v - mu[d]) * sc[d];
                    }
                }
            }
            out.put(m, y);
        }
        return c.withFeatures(out, c.dims(), c.masks());
    }

    /** A copy of the clip restricted to the given modalities. */
    public static AlignedClip select(AlignedClip c, List<Modality> modalities) {
        Map<Modality, float[]> f = new EnumMap<>(Modality.class);
        Map<Modality, Integer> d = new EnumMap<>(Modality.class);
        Map<Modality, boolean[]> m = new EnumMap<>(Modality.class);
        for (Modality mod : modalities) {
            if (!c.features().containsKey(mod)) {
                throw new IllegalArgumentException("clip " + c.clipId() + " has no " + mod.key() + " features; configure an extractor for it");
            }
            f.put(mod, c.features().get(mod));
            d.put(mod, c.dims().get(mod));
            m.put(mod, c.masks().get(mod));
        }
        return c.withFeatures(f, d, m);
    }
}
