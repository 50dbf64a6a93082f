package org.mer4j.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time-series labels of one clip (e.g. continuous valence and arousal traces, AVEC / OMG-Empathy
 * style): shared sample times and one value series per named dimension. Given inline
 * ({@code times} and {@code values}) or as a CSV file relative to the data root ({@code file},
 * header {@code time,<name>,<name>...}, times in seconds), which {@link ManifestIO} reads into
 * {@code times} and {@code values} when the manifest is loaded.
 *
 * @param file CSV file relative to the data root, or null for inline traces
 * @param times sample times in seconds, strictly increasing (null until a file is loaded)
 * @param values per dimension name, one finite value per sample time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelTraces(String file, List<Double> times, Map<String, List<Double>> values) {
    public LabelTraces {
        times = times == null ? null : List.copyOf(times);
        if (values != null) {
            Map<String, List<Double>> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(k, v == null ? null : List.copyOf(v)));
            values = Collections.unmodifiableMap(copy);
        }
    }

    /** Whether the samples are present (inline, or loaded from the file). */
    @JsonIgnore
    public boolean loaded() {
        return times != null && values != null;
    }

    /**
     * The value of dimension {@code name} at time {@code t} seconds, linearly interpolated between
     * samples; NaN outside {@code [times[0], times[last]]}, for an unknown name, or when not loaded.
     */
    public double valueAt(String name, double t) {
        if (!loaded() || !values.containsKey(name) || times.isEmpty()) {
            return Double.NaN;
        }
        List<Double> v = values.get(name);
        int n = times.size();
        if (t < times.get(0) || t > times.get(n - 1)) {
            return Double.NaN;
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (times.get(mid) <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double t0 = times.get(lo);
        double t1 = times.get(hi);
        if (t1 <= t0) {
            return v.get(lo);
        }
        double w = (t - t0) / (t1 - t0);
        return v.get(lo) * (1 - w) + v.get(hi) * w;
    }
}
