package org.mer4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.FeatureTrack;
import org.mer4j.features.FeatureKey;
import org.mer4j.features.FeatureStore;
import org.mer4j.features.Hashing;

/**
 * Executors write into one feature store on shared storage, each through its own {@link FeatureStore}
 * (no lock in common): entries of different clips written at once into the same folders all end up
 * complete, so do entries of one key written by several (clips with identical media), and no
 * temporary folder is left behind.
 */
class SparkSharedStoreTest {
    record Cfg(int v) {
    }

    @Test
    void storesWithoutACommonLockWriteOneStoreSafely(@TempDir Path dir) throws Exception {
        FeatureStore[] executors = {new FeatureStore(dir), new FeatureStore(dir), new FeatureStore(dir), new FeatureStore(dir)};
        String config = Hashing.configHash(new Cfg(1));
        int clips = 20;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> writes = new ArrayList<>();
        try {
            for (int i = 0; i < clips; i++) {
                int clip = i;
                for (FeatureStore store : executors) {
                    // every clip's entry by all four "executors", and a shared one (identical media) by everybody
                    writes.add(pool.submit(() -> {
                        store.write(new FeatureKey("prosody", config, Hashing.sha256("media " + clip)), "c" + clip, new Cfg(1), track(clip));
                        store.write(new FeatureKey("prosody", config, Hashing.sha256("duplicate")), "c" + clip, new Cfg(1), track(-1));
                        return null;
                    }));
                }
            }
            for (Future<?> w : writes) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        FeatureStore reader = new FeatureStore(dir);
        for (int i = 0; i < clips; i++) {
            FeatureTrack t = reader.read(new FeatureKey("prosody", config, Hashing.sha256("media " + i))).orElseThrow();
            assertEquals(i, t.get(0, 0), 0f);
        }
        assertEquals(-1f, reader.read(new FeatureKey("prosody", config, Hashing.sha256("duplicate"))).orElseThrow().get(0, 0), 0f);
        assertEquals(0, reader.damagedEntries());
        try (Stream<Path> s = Files.walk(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary folder left");
        }
    }

    private static FeatureTrack track(int clip) {
        int t = 50;
        double[] times = new double[t];
        float[] values = new float[t * 3];
        boolean[] mask = new boolean[t];
        for (int i = 0; i < t; i++) {
            times[i] = i * 0.01;
            mask[i] = true;
            for (int j = 0; j < 3; j++) {
                values[i * 3 + j] = clip + i * j;
            }
        }
        values[0] = clip;
        return new FeatureTrack("prosody", times, 3, values, mask);
    }
}
