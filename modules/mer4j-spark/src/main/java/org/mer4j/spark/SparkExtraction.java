package org.mer4j.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.mer4j.api.Clip;
import org.mer4j.api.Manifest;
import org.mer4j.experiments.ConfigLoader;
import org.mer4j.experiments.FeaturePipeline;
import org.mer4j.features.ExtractionReport;
import org.mer4j.features.ExtractionRunner;
import org.mer4j.features.FeatureStore;
import org.mer4j.features.SkippedClip;

/**
 * Corpus extraction as a Spark job. The driver reads the manifest and hands out clip ids in contiguous
 * slices of manifest order; each task builds an {@link ExtractionRunner} with one thread over its
 * slice (a sub-manifest of the same data root) with the executor's extractors, built from the same
 * config as on a single machine, and writes into the same feature store on shared storage. The store
 * makes the job idempotent per clip (a clip whose tracks are stored is not recomputed) and safe with
 * many writers (each track is written under a temporary name and renamed into place); a clip that
 * fails is skipped and reported, never fatal. The driver merges the partitions' reports into one
 * {@link ExtractionReport} in manifest order, the report the single-machine runner gives.
 *
 * <p>Batched extractors ({@code BatchExtractor}, e.g. text-minilm) run their second pass inside each
 * task over that task's clips, so a partition should hold at least {@code batchClips} clips for full
 * batches: the default partition count keeps slices of at least 32 clips where the corpus allows.
 */
public final class SparkExtraction {
    /** Clips per partition the default partitioning aims at, at least (one full text-minilm batch). */
    static final int MIN_CLIPS_PER_PARTITION = 32;

    private SparkExtraction() {
    }

    /**
     * Extracts every clip of the experiment's manifest that is not complete in its feature store.
     *
     * @param partitions slices of the clip list; 0 for the default (see {@link #defaultPartitions})
     * @param log the driver's progress lines
     */
    public static ExtractionReport run(JavaSparkContext sc, ConfigLoader.Resolved resolved, Path projectDir, Path runsDir,
                                       int partitions, Consumer<String> log) throws IOException {
        long t0 = System.nanoTime();
        JobSpec spec = JobSpec.of(resolved, projectDir, runsDir);
        Manifest manifest = FeaturePipeline.manifest(resolved.config(), spec.project(), spec.runs().resolve(resolved.config().experiment()));
        List<String> ids = manifest.clips().stream().map(Clip::id).toList();
        int slices = partitions > 0 ? Math.min(partitions, Math.max(1, ids.size())) : defaultPartitions(ids.size(), sc.defaultParallelism());
        log.accept("spark extract " + resolved.config().experiment() + ": " + ids.size() + " clips in " + slices + " partitions on "
                + sc.master() + " into " + FeaturePipeline.store(resolved.config(), spec.project()).root());
        List<PartitionReport> parts = sc.parallelize(ids, slices).mapPartitions(new ExtractPartition(spec)).collect();
        ExtractionReport report = merge(manifest, parts, (System.nanoTime() - t0) / 1e9);
        report.skipped().forEach(s -> log.accept("skipped " + s.clipId() + " [" + s.reason() + "]: " + s.message()));
        log.accept(report.summaryLine());
        return report;
    }

    /**
     * Partitions for {@code clips} clips on {@code parallelism} task slots: two per slot (so a slow slice
     * does not hold the job up alone), but no slice below {@link #MIN_CLIPS_PER_PARTITION} clips unless
     * the corpus is too small for one per slot.
     */
    static int defaultPartitions(int clips, int parallelism) {
        int p = Math.max(1, parallelism);
        int bySize = Math.max(1, clips / MIN_CLIPS_PER_PARTITION);
        return Math.max(1, Math.min(clips, Math.max(Math.min(2 * p, bySize), Math.min(p, clips))));
    }

    /** One report from the partitions': counts summed, skipped clips in manifest order. */
    static ExtractionReport merge(Manifest manifest, List<PartitionReport> parts, double seconds) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < manifest.clips().size(); i++) {
            order.put(manifest.clips().get(i).id(), i);
        }
        int clips = 0;
        int extracted = 0;
        int cached = 0;
        int damaged = 0;
        List<SkippedClip> skipped = new ArrayList<>();
        for (PartitionReport p : parts) {
            clips += p.clips();
            extracted += p.extracted();
            cached += p.cached();
            damaged += p.damagedCacheEntries();
            skipped.addAll(p.skippedClips());
        }
        if (clips != manifest.clips().size()) {
            throw new IllegalStateException("the partitions reported " + clips + " clips, the manifest has " + manifest.clips().size());
        }
        skipped.sort(Comparator.comparingInt(s -> order.getOrDefault(s.clipId(), Integer.MAX_VALUE)));
        return new ExtractionReport(clips, extracted, cached, skipped, damaged, seconds);
    }

    /** The task: extracts its slice of clips with one thread, reusing this JVM's extractors. */
    static final class ExtractPartition implements FlatMapFunction<Iterator<String>, PartitionReport> {
        private static final long serialVersionUID = 1L;
        private final JobSpec spec;

        ExtractPartition(JobSpec spec) {
            this.spec = spec;
        }

        @Override
        public Iterator<PartitionReport> call(Iterator<String> ids) {
            List<String> mine = new ArrayList<>();
            ids.forEachRemaining(mine::add);
            if (mine.isEmpty()) {
                return List.<PartitionReport>of().iterator();
            }
            ExecutorState.Extraction x = ExecutorState.extraction(spec);
            Manifest all = x.manifest();
            Map<String, Clip> byId = new HashMap<>();
            all.clips().forEach(c -> byId.put(c.id(), c));
            List<Clip> clips = new ArrayList<>(mine.size());
            for (String id : mine) {
                Clip c = byId.get(id);
                if (c == null) {
                    throw new IllegalStateException("clip " + id + " of the driver's manifest is not in this executor's manifest of "
                            + spec.configSource() + " on " + ExecutorState.host() + "; every node must read the same manifest (shared storage)");
                }
                clips.add(c);
            }
            Manifest part = new Manifest(all.name(), all.root(), clips, all.classes(), all.allowOutsideRoot());
            // a fresh store per task: its damaged-entry count is this partition's
            FeatureStore store = FeaturePipeline.store(x.resolved().config(), spec.project());
            ExtractionRunner runner = FeaturePipeline.runner(x.resolved().config(), store, x.extractors(), 1);
            ExtractionReport r = runner.run(part, ExecutorState.log());
            return List.of(PartitionReport.of(r, ExecutorState.host())).iterator();
        }
    }
}
