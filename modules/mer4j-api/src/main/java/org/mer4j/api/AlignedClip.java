package org.mer4j.api;

import java.util.Map;

/**
 * One clip on the common step-level timeline: every modality resampled to {@code steps} steps at
 * {@code rate} Hz, with masks, plus the clip's labels. This is what training reads; each task
 * derives its own step- or clip-level targets from {@link #labels()} (step {@code i} is read at
 * its centre, {@link #stepCentre(int)}).
 *
 * @param clipId the clip
 * @param subject the participant
 * @param rate timeline rate in Hz (step i covers [i/rate, (i+1)/rate))
 * @param steps number of steps T
 * @param features per modality, row-major T*D values
 * @param dims per modality, the feature dimension D
 * @param masks per modality, true where the step holds valid features
 * @param labels the clip's ground truth as in the manifest
 */
public record AlignedClip(String clipId, String subject, double rate, int steps,
                          Map<Modality, float[]> features, Map<Modality, Integer> dims, Map<Modality, boolean[]> masks,
                          ClipLabels labels) {
    public AlignedClip {
        features = Map.copyOf(features);
        dims = Map.copyOf(dims);
        masks = Map.copyOf(masks);
        labels = labels == null ? ClipLabels.none() : labels;
        for (Modality m : features.keySet()) {
            if (features.get(m).length != steps * dims.get(m) || masks.get(m).length != steps) {
                throw new IllegalArgumentException("clip " + clipId + ": modality " + m.key() + " does not have " + steps + " steps");
            }
        }
    }

    /** Time in seconds of the centre of step {@code i}, where step labels are read. */
    public double stepCentre(int i) {
        return (i + 0.5) / rate;
    }

    /** The same clip under another id with other labels (e.g. pseudo-labels for self-training). */
    public AlignedClip withIdAndLabels(String newId, ClipLabels newLabels) {
        return new AlignedClip(newId, subject, rate, steps, features, dims, masks, newLabels);
    }

    /** The same clip and labels with other features. */
    public AlignedClip withFeatures(Map<Modality, float[]> newFeatures, Map<Modality, Integer> newDims, Map<Modality, boolean[]> newMasks) {
        return new AlignedClip(clipId, subject, rate, steps, newFeatures, newDims, newMasks, labels);
    }
}
