package org.mer4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.mer4j.api.Manifest;
import org.mer4j.synth.CorpusGenerator;
import org.mer4j.synth.SynthConfig;

/** A tiny synthetic corpus (12 clips of 2 s, the first one's MP4 corrupt) and a local[2] Spark context for the tests. */
final class SparkFixture {
    private SparkFixture() {
    }

    static Manifest corpus(Path dir) throws IOException {
        SynthConfig q = SynthConfig.quickstart();
        SynthConfig small = new SynthConfig(5, 6, 2, 2.0, 160, 120, 10, 16000, q.videoBitrate(), 2, q.design());
        Manifest manifest = CorpusGenerator.generate(small, dir.resolve("corpus"));
        Files.write(manifest.resolve(manifest.clips().get(0).video()), "this is not an mp4 file".getBytes());
        return manifest;
    }

    static JavaSparkContext context(Path dir) throws IOException {
        return SparkContexts.create("local[2]", "mer4j-test", dir.resolve("spark-local"));
    }

    /** Every file under a folder by its relative path, with its bytes. */
    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
