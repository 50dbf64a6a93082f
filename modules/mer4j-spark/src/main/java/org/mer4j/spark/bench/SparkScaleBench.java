package org.mer4j.spark.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.mer4j.api.AtomicFiles;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.Manifest;
import org.mer4j.experiments.ConfigLoader;
import org.mer4j.experiments.FeaturePipeline;
import org.mer4j.features.ExtractionReport;
import org.mer4j.spark.ExecutorState;
import org.mer4j.spark.JobSpec;
import org.mer4j.spark.SparkContexts;
import org.mer4j.spark.SparkExtraction;

/**
 * Clips per second of extraction: the single-machine runner (as {@code tools/mer4j run} extracts, with
 * 1 and 2 threads) against the Spark job on {@code local[1]} and {@code local[2]}, over the same corpus
 * and extractors, each into a fresh feature store, repetitions interleaved (reference and Spark in
 * turn) so that load from other processes spreads over all of them. Each timing includes building the
 * extractors (the Spark one: in its first task); Spark context start-up is timed separately. Writes
 * medians, ratios, the per-clip and per-media-second cost, and an estimate of the wall time of
 * BAH-sized and MOSEI-sized corpora on N executor cores.
 *
 * <p>{@code SparkScaleBench CONFIG OUT.json [--reps N] [--work DIR]}
 */
public final class SparkScaleBench {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SparkScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SparkScaleBench CONFIG OUT.json [--reps N] [--work DIR]");
            System.exit(2);
        }
        Path config = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int reps = 2;
        Path work = out.resolveSibling("spark-scale-work");
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path project = Path.of("").toAbsolutePath();
        ConfigLoader.Resolved base = ConfigLoader.load(config, List.of());
        Manifest manifest = FeaturePipeline.manifest(base.config(), project, work.resolve("runs").resolve(base.config().experiment()));
        double mediaSeconds = manifest.clips().stream().mapToDouble(c -> c.duration() == null ? Double.NaN : c.duration()).sum();
        int clips = manifest.clips().size();
        List<String> variants = List.of("single-t1", "single-t2", "spark-local1", "spark-local2");
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        variants.forEach(v -> seconds.put(v, new ArrayList<>()));
        Map<String, List<Double>> startup = new LinkedHashMap<>();
        int run = 0;
        for (int r = 0; r < reps; r++) {
            for (String v : variants) {
                Path store = work.resolve("store-" + (run++));
                deleteRecursively(store);
                ConfigLoader.Resolved resolved = ConfigLoader.load(config, List.of("features.cacheDir=" + project.relativize(store.toAbsolutePath())));
                double s;
                ExtractionReport report;
                if (v.startsWith("single")) {
                    int threads = v.endsWith("t1") ? 1 : 2;
                    long t0 = System.nanoTime();
                    List<FeatureExtractor> ex = FeaturePipeline.extractors(resolved.config(), resolved.plugins().extractors());
                    try {
                        report = FeaturePipeline.runner(resolved.config(), FeaturePipeline.store(resolved.config(), project), ex, threads)
                                .run(manifest, l -> { });
                    } finally {
                        ex.forEach(FeatureExtractor::close);
                    }
                    s = (System.nanoTime() - t0) / 1e9;
                } else {
                    String master = v.endsWith("1") ? "local[1]" : "local[2]";
                    long c0 = System.nanoTime();
                    try (JavaSparkContext sc = SparkContexts.create(master, "mer4j spark-scale", work.resolve("spark-local"))) {
                        startup.computeIfAbsent(v, k -> new ArrayList<>()).add((System.nanoTime() - c0) / 1e9);
                        long t0 = System.nanoTime();
                        report = SparkExtraction.run(sc, resolved, project, work.resolve("runs"), 0, l -> { });
                        s = (System.nanoTime() - t0) / 1e9;
                    } finally {
                        release(resolved, project, work.resolve("runs"));
                    }
                }
                if (report.extracted() + report.skipped().size() != clips) {
                    throw new IllegalStateException(v + ": expected every clip extracted or skipped in a fresh store: " + report.summaryLine());
                }
                seconds.get(v).add(s);
                System.out.printf("rep %d %-13s %6.1f s  %5.2f clips/s  (%s)%n", r + 1, v, s, clips / s, report.summaryLine());
                deleteRecursively(store);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("what", "extraction clips/s: single-JVM ExtractionRunner (threads 1, 2) vs the Spark job (local[1], local[2]);"
                + " fresh store each time, repetitions interleaved; timings include building the extractors, not Spark start-up");
        json.put("config", config.toString());
        json.put("extractors", base.config().features().extractors().stream().map(e -> e.name()).toList());
        json.put("clips", clips);
        json.put("mediaSeconds", mediaSeconds);
        json.put("reps", reps);
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                "note", "shared with other processes (other builds and tests ran); timings are noisy, compare medians of one run"));
        Map<String, Object> results = new LinkedHashMap<>();
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String v : variants) {
            double m = median(seconds.get(v));
            medians.put(v, m);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("seconds", seconds.get(v));
            r.put("medianSeconds", m);
            r.put("clipsPerSecond", clips / m);
            if (startup.containsKey(v)) {
                r.put("contextStartSeconds", startup.get(v));
            }
            results.put(v, r);
        }
        json.put("results", results);
        Map<String, Double> ratios = new LinkedHashMap<>();
        ratios.put("spark-local1 / single-t1 (clips/s)", medians.get("single-t1") / medians.get("spark-local1"));
        ratios.put("spark-local2 / single-t2 (clips/s)", medians.get("single-t2") / medians.get("spark-local2"));
        ratios.put("spark-local2 / spark-local1 (scaling)", medians.get("spark-local1") / medians.get("spark-local2"));
        ratios.put("single-t2 / single-t1 (scaling)", medians.get("single-t1") / medians.get("single-t2"));
        json.put("ratios", ratios);
        double perClip = medians.get("spark-local1") / clips;
        double perMediaSecond = medians.get("spark-local1") / mediaSeconds;
        double efficiency = Math.min(1.0, medians.get("spark-local1") / medians.get("spark-local2") / 2);
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("secondsPerClipOneCore", perClip);
        cost.put("secondsPerClipOneThreadSingleJvm", medians.get("single-t1") / clips);
        cost.put("secondsPerMediaSecondOneCore", perMediaSecond);
        cost.put("parallelEfficiencyAt2", efficiency);
        json.put("cost", cost);
        json.put("estimate", estimate(perMediaSecond));
        Files.createDirectories(out.toAbsolutePath().getParent());
        AtomicFiles.write(out, JSON.writeValueAsBytes(json));
        System.out.println("wrote " + out);
        System.out.println(JSON.writeValueAsString(Map.of("ratios", ratios, "cost", cost)));
        deleteRecursively(work);
    }

    /**
     * Wall time of BAH-sized and MOSEI-sized corpora on N executor cores, from the measured cost per
     * media second on one core, assuming the per-media-second cost of this corpus's clips and extractors
     * and near-linear scaling across executors (clips are independent; each executor core extracts one
     * clip at a time, one PyTorch thread each).
     */
    static Map<String, Object> estimate(double perMediaSecond) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("assumes", "the measured one-core cost per media second of this corpus and these extractors (synthetic 320x240 at 15 fps;"
                + " real webcam video at higher resolution and frame rate costs more per second in the face extractors, so scale"
                + " by the pixel rate where video dominates); linear scaling over executor cores, no shared-storage bottleneck");
        Map<String, double[]> corpora = new LinkedHashMap<>();
        corpora.put("BAH (1,118 videos, 8 h)", new double[] {1118, 8 * 3600});
        corpora.put("MOSEI (~23,000 clips, ~65 h)", new double[] {23000, 65 * 3600});
        for (Map.Entry<String, double[]> c : corpora.entrySet()) {
            Map<String, Object> byN = new LinkedHashMap<>();
            for (int n : new int[] {1, 8, 32, 128}) {
                double hours = perMediaSecond * c.getValue()[1] / n / 3600;
                byN.put(n + " executor cores", Math.round(hours * 100) / 100.0 + " h");
            }
            e.put(c.getKey(), byN);
        }
        return e;
    }

    private static void release(ConfigLoader.Resolved resolved, Path project, Path runs) {
        ExecutorState.release(JobSpec.of(resolved, project, runs)); // the next Spark timing builds its extractors again
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
