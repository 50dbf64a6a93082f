package org.mer4j.features;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.Modality;

/**
 * Puts every modality of a clip on one frame-level timeline at {@link AlignmentConfig#rate()} Hz.
 * Step i covers {@code [i/rate, (i+1)/rate)}; its value per track is the mean of the track's valid
 * samples inside the window, or the nearest valid sample within {@code maxGapSeconds} of the
 * window centre, else masked. Tracks of one modality are concatenated feature-wise; the modality
 * mask of a step is true when any of its tracks is valid there. Labels travel with the clip; each
 * task reads its step labels at the window centre.
 */
public final class TimelineAligner {
    private final AlignmentConfig config;

    public TimelineAligner(AlignmentConfig config) {
        this.config = config;
    }

    /** Aligns a clip's tracks; the timeline spans the longest track. */
    public AlignedClip align(ClipTracks clip) {
        double duration = 0;
        for (List<FeatureTrack> ts : clip.tracks().values()) {
            for (FeatureTrack t : ts) {
                if (t.length() > 0) {
                    double step = t.length() > 1 ? t.times()[t.length() - 1] - t.times()[t.length() - 2] : 0;
                    duration = Math.max(duration, t.times()[t.length() - 1] + step);
                }
            }
        }
        int steps = Math.max(1, (int) Math.ceil(duration * config.rate() - 1e-9));
        Map<Modality, float[]> features = new EnumMap<>(Modality.class);
        Map<Modality, Integer> dims = new EnumMap<>(Modality.class);
        Map<Modality, boolean[]> masks = new EnumMap<>(Modality.class);
        for (Map.Entry<Modality, List<FeatureTrack>> e : clip.tracks().entrySet()) {
            int dim = e.getValue().stream().mapToInt(FeatureTrack::dim).sum();
            float[] values = new float[steps * dim];
            boolean[] mask = new boolean[steps];
            int offset = 0;
            for (FeatureTrack t : e.getValue()) {
                resample(t, steps, values, dim, offset, mask);
                offset += t.dim();
            }
            features.put(e.getKey(), values);
            dims.put(e.getKey(), dim);
            masks.put(e.getKey(), mask);
        }
        return new AlignedClip(clip.clip().id(), clip.clip().subject(), config.rate(), steps, features, dims, masks,
                clip.clip().labels());
    }

    private void resample(FeatureTrack t, int steps, float[] out, int outDim, int offset, boolean[] mask) {
        double[] times = t.times();
        int n = t.length();
        int j = 0;
        double[] sum = new double[t.dim()];
        for (int i = 0; i < steps; i++) {
            double start = i / config.rate();
            double end = (i + 1) / config.rate();
            while (j < n && times[j] < start) {
                j++;
            }
            java.util.Arrays.fill(sum, 0);
            int count = 0;
            for (int k = j; k < n && times[k] < end; k++) {
                if (t.mask()[k]) {
                    for (int d = 0; d < t.dim(); d++) {
                        sum[d] += t.get(k, d);
                    }
                    count++;
                }
            }
            if (count > 0) {
                for (int d = 0; d < t.dim(); d++) {
                    out[i * outDim + offset + d] = (float) (sum[d] / count);
                }
                mask[i] = true;
            } else {
                int nearest = nearestValid(t, (start + end) / 2, j);
                if (nearest >= 0) {
                    for (int d = 0; d < t.dim(); d++) {
                        out[i * outDim + offset + d] = t.get(nearest, d);
                    }
                    mask[i] = true;
                }
            }
        }
    }

    private int nearestValid(FeatureTrack t, double centre, int from) {
        int best = -1;
        double bestGap = config.maxGapSeconds();
        for (int k = Math.max(0, from - 2); k < Math.min(t.length(), from + 3); k++) {
            double gap = Math.abs(t.times()[k] - centre);
            if (t.mask()[k] && gap <= bestGap) {
                best = k;
                bestGap = gap;
            }
        }
        return best;
    }
}
