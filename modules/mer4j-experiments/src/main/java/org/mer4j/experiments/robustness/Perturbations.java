package org.mer4j.experiments.robustness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;

/**
 * Test-time perturbations of one modality: Gaussian noise on its valid steps, or its absence from a
 * share of the clips. Seeded, so a probe gives the same perturbed set on every run. Only the
 * perturbed modality's arrays are new; the others are shared with the input clips.
 */
public final class Perturbations {
    private Perturbations() {
    }

    /**
     * The clips with N(0, std²) added to every feature of {@code modality} at valid steps, except the
     * column {@code skipColumn} (a token-id column; -1 for none).
     */
    public static List<AlignedClip> noisy(List<AlignedClip> clips, Modality modality, double std, int skipColumn, long seed) {
        if (std == 0) {
            return clips;
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<AlignedClip> out = new ArrayList<>(clips.size());
        for (AlignedClip clip : clips) {
            float[] x = clip.features().get(modality);
            if (x == null) {
                out.add(clip);
                continue;
            }
            int d = clip.dims().get(modality);
            boolean[] mask = clip.masks().get(modality);
            float[] noisy = x.clone();
            for (int t = 0; t < clip.steps(); t++) {
                if (!mask[t]) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    if (j != skipColumn) {
                        noisy[t * d + j] += (float) (std * gaussian(random));
                    }
                }
            }
            Map<Modality, float[]> features = new EnumMap<>(clip.features());
            features.put(modality, noisy);
            out.add(clip.withFeatures(features, clip.dims(), clip.masks()));
        }
        return out;
    }

    /** The clips with {@code modality} absent (all-0 mask) in {@code round(rate * n)} of them, chosen at random. */
    public static List<AlignedClip> missing(List<AlignedClip> clips, Modality modality, double rate, long seed) {
        int drop = (int) Math.round(rate * clips.size());
        if (drop == 0) {
            return clips;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(seed));
        boolean[] dropped = new boolean[clips.size()];
        order.subList(0, drop).forEach(i -> dropped[i] = true);
        List<AlignedClip> out = new ArrayList<>(clips.size());
        for (int i = 0; i < clips.size(); i++) {
            AlignedClip clip = clips.get(i);
            if (!dropped[i] || !clip.masks().containsKey(modality)) {
                out.add(clip);
                continue;
            }
            Map<Modality, boolean[]> masks = new EnumMap<>(clip.masks());
            masks.put(modality, new boolean[clip.steps()]);
            out.add(clip.withFeatures(clip.features(), clip.dims(), masks));
        }
        return out;
    }

    /** A standard normal draw (Box–Muller; SplittableRandom has no nextGaussian on Java 17). */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
