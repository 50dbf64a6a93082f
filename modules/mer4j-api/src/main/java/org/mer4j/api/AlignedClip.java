package org.mer4j.api;

import java.util.Map;

/**
 * One clip on the common frame-level timeline: every modality resampled to {@code steps} steps at
 * {@code rate} Hz, with masks, plus the labels at the same resolution. This is what training reads.
 *
 * @param clipId the clip
 * @param subject the participant
 * @param rate timeline rate in Hz (step i covers [i/rate, (i+1)/rate))
 * @param steps number of steps T
 * @param features per modality, row-major T*D values
 * @param dims per modality, the feature dimension D
 * @param masks per modality, true where the step holds valid features
 * @param ahFrames per step A/H label (0 or 1)
 * @param emotion clip emotion label, or null when unlabelled
 * @param ahVideo clip-level A/H label
 * @param inconsistent clip-level cross-modal inconsistency flag, or null
 */
public record AlignedClip(String clipId, String subject, double rate, int steps,
                          Map<Modality, float[]> features, Map<Modality, Integer> dims, Map<Modality, boolean[]> masks,
                          int[] ahFrames, String emotion, boolean ahVideo, Boolean inconsistent) {
    public AlignedClip {
        features = Map.copyOf(features);
        dims = Map.copyOf(dims);
        masks = Map.copyOf(masks);
        if (ahFrames.length != steps) {
            throw new IllegalArgumentException("clip " + clipId + ": " + ahFrames.length + " A/H labels for " + steps + " steps");
        }
        for (Modality m : features.keySet()) {
            if (features.get(m).length != steps * dims.get(m) || masks.get(m).length != steps) {
                throw new IllegalArgumentException("clip " + clipId + ": modality " + m.key() + " does not have " + steps + " steps");
            }
        }
    }
}
