package org.mer4j.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.LabelTraces;
import org.mer4j.api.Modality;
import org.mer4j.api.TimeSegment;

/**
 * Seeded synthetic {@link AlignedClip}s with a learnable structure, for tests of every module.
 *
 * <p>Half of the clips (alternating) contain one A/H segment covering 25-60% of the clip; the
 * others none. Every feature is Gaussian noise; at A/H steps feature 0 of every modality is shifted
 * by {@code +signal} (else {@code -signal}), and feature {@code (1 + emotionId) mod D} by
 * {@code +signal} on every step of the clip. Each step of each modality is missing (zero features,
 * mask false) with probability {@code missingRate}. Emotions cycle through the classes; subjects
 * are {@code s0..s3}. Labels: the emotion, the A/H segment (also given as the clip's inconsistent
 * segment, so the inconsistency task has the same learnable structure), and a valence of
 * {@code emotionId / (E - 1) * 2 - 1} as clip value and as a constant trace.
 */
public final class SyntheticAlignedClips {
    private SyntheticAlignedClips() {
    }

    /** {@code config.clips()} clips, the same for the same seed. */
    public static List<AlignedClip> generate(SyntheticClipsConfig config, long seed) {
        Random rng = new Random(seed);
        List<AlignedClip> clips = new ArrayList<>(config.clips());
        for (int c = 0; c < config.clips(); c++) {
            int steps = config.minSteps() + rng.nextInt(config.maxSteps() - config.minSteps() + 1);
            int emotionId = c % config.emotions().size();
            boolean ah = c % 2 == 1;
            int[] frames = new int[steps];
            if (ah) {
                int length = Math.max(1, (int) Math.round(steps * (0.25 + 0.35 * rng.nextDouble())));
                int start = rng.nextInt(steps - length + 1);
                for (int t = start; t < start + length; t++) {
                    frames[t] = 1;
                }
            }
            Map<Modality, float[]> features = new HashMap<>();
            Map<Modality, boolean[]> masks = new HashMap<>();
            for (Map.Entry<Modality, Integer> e : config.dims().entrySet()) {
                int dim = e.getValue();
                float[] x = new float[steps * dim];
                boolean[] valid = new boolean[steps];
                for (int t = 0; t < steps; t++) {
                    valid[t] = rng.nextDouble() >= config.missingRate();
                    for (int d = 0; d < dim; d++) {
                        double v = rng.nextGaussian();
                        if (d == 0) {
                            v += frames[t] != 0 ? config.signal() : -config.signal();
                        }
                        if (d == (1 + emotionId) % dim) {
                            v += config.signal();
                        }
                        x[t * dim + d] = valid[t] ? (float) v : 0f;
                    }
                }
                features.put(e.getKey(), x);
                masks.put(e.getKey(), valid);
            }
            List<TimeSegment> segments = new ArrayList<>();
            int first = -1;
            for (int t = 0; t <= steps; t++) {
                boolean on = t < steps && frames[t] != 0;
                if (on && first < 0) {
                    first = t;
                } else if (!on && first >= 0) {
                    segments.add(new TimeSegment(first / config.rate(), t / config.rate()));
                    first = -1;
                }
            }
            int classes = config.emotions().size();
            double valence = classes == 1 ? 0 : emotionId / (double) (classes - 1) * 2 - 1;
            double seconds = steps / config.rate();
            LabelTraces trace = new LabelTraces(null, List.of(0.0, seconds), Map.of("valence", List.of(valence, valence)));
            ClipLabels labels = new ClipLabels(config.emotions().get(emotionId), null, segments, ah, null, segments,
                    Map.of("valence", valence), trace);
            clips.add(new AlignedClip(String.format("syn%04d", c), "s" + (c % 4), config.rate(), steps, features,
                    config.dims(), masks, labels));
        }
        return clips;
    }
}
