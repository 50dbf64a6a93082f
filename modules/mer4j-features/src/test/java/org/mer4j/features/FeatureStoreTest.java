package org.mer4j.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.FeatureTrack;

class FeatureStoreTest {
    record DummyConfig(int a, String b) {
    }

    @Test
    void roundTripsATrackThroughNpyFilesAndSidecar(@TempDir Path dir) throws Exception {
        FeatureStore store = new FeatureStore(dir);
        FeatureKey key = new FeatureKey("prosody", Hashing.configHash(new DummyConfig(1, "x")), Hashing.sha256("media"));
        FeatureTrack track = new FeatureTrack("prosody", new double[] {0, 0.01, 0.02}, 2,
                new float[] {1, 2, 3, 4, 5, 6}, new boolean[] {true, false, true});
        assertFalse(store.contains(key));
        store.write(key, "clip-1", new DummyConfig(1, "x"), track);
        assertTrue(store.contains(key));
        FeatureTrack back = store.read(key).orElseThrow();
        assertArrayEquals(track.values(), back.values());
        assertArrayEquals(track.times(), back.times());
        assertArrayEquals(track.mask(), back.mask());
        assertEquals(2, back.dim());
        Path folder = dir.resolve(key.relativeDir());
        assertTrue(Files.isRegularFile(folder.resolve("values.npy")));
        assertTrue(Files.readString(folder.resolve("track.json")).contains("\"clipId\" : \"clip-1\""));
    }

    @Test
    void configHashIgnoresKeyOrderButNotValues() {
        assertEquals(Hashing.configHash(java.util.Map.of("a", 1, "b", 2)), Hashing.configHash(new java.util.TreeMap<>(java.util.Map.of("b", 2, "a", 1))));
        assertFalse(Hashing.configHash(new DummyConfig(1, "x")).equals(Hashing.configHash(new DummyConfig(2, "x"))));
    }
}
