package org.mer4j.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.Modality;

/**
 * Settings of {@link SyntheticAlignedClips}.
 *
 * @param clips number of clips (at least 1)
 * @param minSteps shortest clip in steps (at least 1)
 * @param maxSteps longest clip in steps (at least minSteps)
 * @param dims feature dimension per modality (at least one modality, each dimension at least 1)
 * @param emotions emotion class names (at least one)
 * @param signal strength of the label signal added to the Gaussian noise (>= 0; 0 = pure noise)
 * @param missingRate probability that a step of a modality is missing (in [0, 1))
 * @param rate timeline rate in Hz (> 0)
 */
public record SyntheticClipsConfig(int clips, int minSteps, int maxSteps, Map<Modality, Integer> dims, List<String> emotions,
                                   double signal, double missingRate, double rate) {
    public SyntheticClipsConfig {
        if (clips < 1) {
            throw new IllegalArgumentException("synthetic.clips must be at least 1, got " + clips);
        }
        if (minSteps < 1 || maxSteps < minSteps) {
            throw new IllegalArgumentException("synthetic.minSteps/maxSteps must satisfy 1 <= minSteps <= maxSteps, got "
                    + minSteps + "/" + maxSteps);
        }
        if (dims == null || dims.isEmpty() || dims.values().stream().anyMatch(d -> d == null || d < 1)) {
            throw new IllegalArgumentException("synthetic.dims must give a positive dimension for at least one modality, got " + dims);
        }
        if (emotions == null || emotions.isEmpty()) {
            throw new IllegalArgumentException("synthetic.emotions must name at least one emotion");
        }
        if (!(signal >= 0)) {
            throw new IllegalArgumentException("synthetic.signal must be >= 0, got " + signal);
        }
        if (!(missingRate >= 0 && missingRate < 1)) {
            throw new IllegalArgumentException("synthetic.missingRate must be in [0, 1), got " + missingRate);
        }
        if (!(rate > 0)) {
            throw new IllegalArgumentException("synthetic.rate must be positive, got " + rate);
        }
        dims = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dims));
        emotions = List.copyOf(emotions);
    }

    /** 16 clips of 20-40 steps at 10 Hz, video 8-d and audio 4-d, 3 emotions, signal 1.5, 10% missing steps. */
    public static SyntheticClipsConfig small() {
        Map<Modality, Integer> dims = new LinkedHashMap<>();
        dims.put(Modality.VIDEO, 8);
        dims.put(Modality.AUDIO, 4);
        return new SyntheticClipsConfig(16, 20, 40, dims, List.of("neutral", "happy", "sad"), 1.5, 0.1, 10.0);
    }
}
