package org.mer4j.train;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;

/**
 * Modality dropout for training: each clip loses each of its present modalities with probability
 * {@code p} for one epoch, its mask set to all-0 exactly as an absent stream or a failed extraction
 * is; a clip always keeps at least one present modality (one drawn at random when all would go).
 * Features are left as they are: fusion models never read masked steps (their contract). Trains a
 * model to use what is there when a modality is missing at test time, as in the modality-dropout
 * training of Neverova, Wolf, Taylor and Nebout (2016), "ModDrop: Adaptive Multi-Modal Gesture
 * Recognition", IEEE TPAMI 38(8).
 */
public final class ModalityDropout {
    private ModalityDropout() {
    }

    /**
     * The clips with modalities dropped. The draws depend only on {@code random}, the clip order and
     * each clip's modalities, so a seeded epoch drops the same modalities on every run.
     */
    public static List<AlignedClip> apply(List<AlignedClip> clips, double p, Random random) {
        if (p <= 0) {
            return clips;
        }
        List<AlignedClip> out = new ArrayList<>(clips.size());
        for (AlignedClip clip : clips) {
            List<Modality> present = new ArrayList<>();
            for (Modality m : Modality.values()) {
                if (clip.masks().containsKey(m) && anyValid(clip.masks().get(m))) {
                    present.add(m);
                }
            }
            List<Modality> dropped = new ArrayList<>();
            for (Modality m : present) {
                if (random.nextDouble() < p) {
                    dropped.add(m);
                }
            }
            if (!present.isEmpty() && dropped.size() == present.size()) {
                dropped.remove(random.nextInt(dropped.size()));
            }
            if (dropped.isEmpty()) {
                out.add(clip);
                continue;
            }
            Map<Modality, boolean[]> masks = new EnumMap<>(clip.masks());
            dropped.forEach(m -> masks.put(m, new boolean[clip.steps()]));
            out.add(clip.withFeatures(clip.features(), clip.dims(), masks));
        }
        return out;
    }

    private static boolean anyValid(boolean[] mask) {
        for (boolean b : mask) {
            if (b) {
                return true;
            }
        }
        return false;
    }
}
