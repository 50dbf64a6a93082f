package org.mer4j.features;

import java.util.EnumMap;
import java.util.Map;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;

/** Pools an aligned clip to clip level: per modality, the mean and standard deviation over valid steps. */
public final class ClipPooling {
    private ClipPooling() {
    }

    /** Per modality a vector of 2*D values: means then standard deviations (zeros when no step is valid). */
    public static Map<Modality, float[]> meanStd(AlignedClip clip) {
        Map<Modality, float[]> pooled = new EnumMap<>(Modality.class);
        for (Modality m : clip.features().keySet()) {
            int dim = clip.dims().get(m);
            float[] x = clip.features().get(m);
            boolean[] mask = clip.masks().get(m);
            double[] sum = new double[dim];
            double[] sq = new double[dim];
            int n = 0;
            for (int t = 0; t < clip.steps(); t++) {
                if (mask[t]) {
                    n++;
                    for (int d = 0; d < dim; d++) {
                        double v = x[t * dim + d];
                        sum[d] += v;
                        sq[d] += v * v;
                    }
                }
            }
            float[] out = new float[2 * dim];
            for (int d = 0; d < dim && n > 0; d++) {
                double mean = sum[d] / n;
                out[d] = (float) mean;
                out[dim + d] = (float) Math.sqrt(Math.max(0, sq[d] / n - mean * mean));
            }
            pooled.put(m, out);
        }
        return pooled;
    }
}
