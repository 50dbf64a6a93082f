package org.mer4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.Manifest;
import org.mer4j.experiments.ConfigLoader;
import org.mer4j.experiments.FeaturePipeline;
import org.mer4j.features.ExtractionReport;

/**
 * Extraction as a Spark job on local[2] writes the same feature files as the single-machine runner,
 * reports the clip that fails without stopping, and recomputes nothing on a second run. The config
 * has a batched extractor (text-minilm), whose batches the job forms per partition.
 */
class SparkExtractionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sparkExtractionWritesTheSingleMachineFeatureFiles(@TempDir Path dir) throws Exception {
        Manifest manifest = SparkFixture.corpus(dir);
        Path config = dir.resolve("extract.yaml");
        Files.writeString(config, """
                experiment: spark-extract
                seed: 1
                data: {manifest: corpus/manifest.json}
                features:
                  cacheDir: cache-single
                  threads: 2
                  extractors: [{name: prosody}, {name: mfcc}, {name: word-tokens}, {name: text-minilm}]
                tasks: [{type: ah}]
                rows: [{name: audio, modalities: [audio], fusion: {type: early-fusion}}]
                """);

        // the single-machine runner, as an experiment runs it (two threads, batches over the whole manifest)
        ConfigLoader.Resolved single = ConfigLoader.load(config, List.of());
        List<FeatureExtractor> extractors = FeaturePipeline.extractors(single.config(), single.plugins().extractors());
        ExtractionReport reference;
        try {
            reference = FeaturePipeline.runner(single.config(), FeaturePipeline.store(single.config(), dir), extractors, 2)
                    .run(manifest, l -> { });
        } finally {
            extractors.forEach(FeatureExtractor::close);
        }

        ConfigLoader.Resolved spark = ConfigLoader.load(config, List.of("features.cacheDir=cache-spark"));
        JobSpec spec = JobSpec.of(spark, dir, dir.resolve("runs"));
        List<String> log = new ArrayList<>();
        try (JavaSparkContext sc = SparkFixture.context(dir)) {
            ExtractionReport first = SparkExtraction.run(sc, spark, dir, dir.resolve("runs"), 3, log::add);

            assertEquals(reference.clips(), first.clips());
            assertEquals(11, first.extracted(), first.summaryLine());
            assertEquals(reference.extracted(), first.extracted());
            assertEquals(0, first.cached());
            assertEquals(1, first.skipped().size(), first.skipped().toString());
            assertEquals(manifest.clips().get(0).id(), first.skipped().get(0).clipId());
            assertEquals(reference.skipped(), first.skipped(), "the same skipped clip, stage, reason and message");
            assertTrue(log.stream().anyMatch(l -> l.startsWith("skipped " + manifest.clips().get(0).id() + " [unreadable-media]")), log.toString());
            assertTrue(log.stream().anyMatch(l -> l.startsWith("extraction: 12 clips, 11 extracted, 0 from cache, 1 skipped")), log.toString());

            Map<String, byte[]> a = SparkFixture.files(dir.resolve("cache-single"));
            Map<String, byte[]> b = SparkFixture.files(dir.resolve("cache-spark"));
            assertEquals(a.keySet(), b.keySet(), "the same entries under the same keys");
            assertEquals(11 * 4, a.keySet().stream().filter(k -> k.endsWith("track.json")).count());
            for (String f : a.keySet()) {
                if (f.endsWith("track.json")) {
                    // the sidecar records when it was written; everything else in it is the same
                    assertEquals(withoutCreated(a.get(f)), withoutCreated(b.get(f)), f);
                } else {
                    assertArrayEquals(a.get(f), b.get(f), f);
                }
            }

            // a second run finds every track and rewrites none; the bad clip is tried (and reported) again
            Map<String, FileTime> times = new HashMap<>();
            for (String f : b.keySet()) {
                times.put(f, Files.getLastModifiedTime(dir.resolve("cache-spark").resolve(f)));
            }
            ExtractionReport again = SparkExtraction.run(sc, spark, dir, dir.resolve("runs"), 0, l -> { });
            assertEquals(0, again.extracted(), again.summaryLine());
            assertEquals(11, again.cached());
            assertEquals(first.skipped(), again.skipped());
            assertEquals(b.keySet(), SparkFixture.files(dir.resolve("cache-spark")).keySet());
            for (String f : b.keySet()) {
                assertEquals(times.get(f), Files.getLastModifiedTime(dir.resolve("cache-spark").resolve(f)), f + " not rewritten");
            }
        } finally {
            ExecutorState.release(spec);
        }
    }

    @Test
    void defaultPartitionsKeepBatchSizedSlicesAndUseEverySlot() {
        assertEquals(2, SparkExtraction.defaultPartitions(12, 2), "small corpus: one slice per slot");
        assertEquals(1, SparkExtraction.defaultPartitions(1, 8));
        assertEquals(16, SparkExtraction.defaultPartitions(1118, 8), "two per slot");
        assertEquals(8, SparkExtraction.defaultPartitions(100, 8), "no more slots than clips / 32 unless below one per slot");
    }

    private static ObjectNode withoutCreated(byte[] sidecar) throws java.io.IOException {
        ObjectNode n = (ObjectNode) JSON.readTree(sidecar);
        assertTrue(n.remove("created") != null, "the sidecar records a time");
        return n;
    }
}
