package org.mer4j.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mer4j.api.AtomicFiles;
import org.mer4j.api.LabelTraces;

/**
 * The continuous valence/arousal labels of a clip. Each segment expresses the mean of its three
 * modalities' circumplex prototypes ({@link SegmentPlan#expressedValence()}); the trace samples
 * that at {@value #SAMPLE_RATE_HZ} Hz (times {@code 0, 0.1, ...} below the clip's length), with
 * the same {@value SegmentCrossfade#TRANSITION_SECONDS} s smoothstep cross-fade at segment
 * boundaries as the face ({@link SegmentCrossfade}), values rounded to 4 decimals. The clip-level
 * dimensions are the means of the rounded trace, rounded to 4 decimals.
 */
public final class AffectTrace {
    /** Samples per second of the trace. */
    public static final int SAMPLE_RATE_HZ = 10;
    /** Name of the valence series and dimension (first CSV column after time). */
    public static final String VALENCE = "valence";
    /** Name of the arousal series and dimension (second CSV column after time). */
    public static final String AROUSAL = "arousal";

    private AffectTrace() {
    }

    /** The trace file of clip {@code clipId}, relative to the corpus root. */
    public static String file(String clipId) {
        return "traces/" + clipId + ".csv";
    }

    /** The sampled trace of {@code plan}, loaded, with {@code file} set to {@link #file(String)}. */
    public static LabelTraces of(ClipPlan plan) {
        int n = plan.segments().size();
        double[] valence = new double[n];
        double[] arousal = new double[n];
        for (SegmentPlan s : plan.segments()) {
            valence[s.index()] = s.expressedValence();
            arousal[s.index()] = s.expressedArousal();
        }
        List<Double> times = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        List<Double> a = new ArrayList<>();
        for (int i = 0; (double) i / SAMPLE_RATE_HZ < plan.seconds(); i++) {
            double t = (double) i / SAMPLE_RATE_HZ;
            SegmentCrossfade mix = SegmentCrossfade.at(plan, t);
            times.add(t);
            v.add(round4(mix.mix(valence)));
            a.add(round4(mix.mix(arousal)));
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        values.put(VALENCE, v);
        values.put(AROUSAL, a);
        return new LabelTraces(file(plan.clipId()), times, values);
    }

    /** Clip-level dimensions: per series, the mean of the samples, rounded to 4 decimals. */
    public static Map<String, Double> means(LabelTraces traces) {
        Map<String, Double> out = new LinkedHashMap<>();
        traces.values().forEach((name, series) ->
                out.put(name, round4(series.stream().mapToDouble(Double::doubleValue).average().orElse(0))));
        return out;
    }

    /**
     * The trace as CSV text: header {@code time,<name>,...}, then one row per sample, time with one
     * decimal and values with four, in plain notation ({@code Locale.ROOT}) so the bytes depend on
     * nothing but the numbers.
     */
    public static String csv(LabelTraces traces) {
        StringBuilder sb = new StringBuilder("time");
        traces.values().keySet().forEach(name -> sb.append(',').append(name));
        sb.append('\n');
        for (int r = 0; r < traces.times().size(); r++) {
            sb.append(String.format(Locale.ROOT, "%.1f", traces.times().get(r)));
            for (List<Double> series : traces.values().values()) {
                sb.append(String.format(Locale.ROOT, ",%.4f", series.get(r)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Writes {@link #csv} to {@code file} atomically. */
    public static void write(Path file, LabelTraces traces) throws IOException {
        AtomicFiles.writeString(file, csv(traces));
    }

    /** Rounds to 4 decimals; never returns negative zero. */
    static double round4(double x) {
        double r = Math.round(x * 10_000) / 10_000.0;
        return r == 0 ? 0.0 : r;
    }
}
