package org.mer4j.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.FeatureTrack;

class FeatureStoreTest {
    record DummyConfig(int a, String b) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static FeatureKey key(String extractor, String media) {
        return new FeatureKey(extractor, Hashing.configHash(new DummyConfig(1, "x")), Hashing.sha256(media));
    }

    /** A [800, 13] track like the prosody one that was truncated and trained on. */
    private static FeatureTrack bigTrack() {
        int t = 800;
        int d = 13;
        double[] times = new double[t];
        float[] values = new float[t * d];
        boolean[] mask = new boolean[t];
        for (int i = 0; i < t; i++) {
            times[i] = i * 0.01;
            mask[i] = i % 7 != 0;
            for (int j = 0; j < d; j++) {
                values[i * d + j] = (float) Math.sin(i * 0.37 + j) * (j + 1);
            }
        }
        values[0] = Float.NaN; // masked-out step: NaN is allowed there and must survive bit-exactly
        return new FeatureTrack("prosody", times, d, values, mask);
    }

    private static void assertBitExact(FeatureTrack expected, FeatureTrack actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.dim(), actual.dim());
        int[] e = new int[expected.values().length];
        int[] a = new int[actual.values().length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Float.floatToRawIntBits(expected.values()[i]);
        }
        for (int i = 0; i < a.length; i++) {
            a[i] = Float.floatToRawIntBits(actual.values()[i]);
        }
        assertArrayEquals(e, a);
        assertArrayEquals(Arrays.stream(expected.times()).mapToLong(Double::doubleToRawLongBits).toArray(),
                Arrays.stream(actual.times()).mapToLong(Double::doubleToRawLongBits).toArray());
        assertArrayEquals(expected.mask(), actual.mask());
    }

    /**
     * The common check for a damaged entry: read reports it absent, it is counted once with a reason
     * containing {@code reasonPart}, its folder is gone, and a rewrite reads back exactly.
     */
    private static void assertDetectedAndRecomputed(FeatureStore store, FeatureKey key, FeatureTrack track, String reasonPart)
            throws IOException {
        Path folder = store.root().resolve(key.relativeDir());
        assertTrue(store.read(key).isEmpty(), "a damaged entry must not be read as valid");
        assertEquals(1, store.damagedEntries());
        assertEquals(folder, store.damaged().get(0).folder());
        String reason = store.damaged().get(0).reason();
        assertTrue(reason.contains(reasonPart), "reason '" + reason + "' should mention '" + reasonPart + "'");
        assertFalse(Files.exists(folder), "the damaged folder must be deleted");
        assertFalse(store.contains(key));
        assertTrue(store.read(key).isEmpty());
        assertEquals(1, store.damagedEntries(), "an entry is counted once; after deletion it is simply absent");
        store.write(key, "clip-1", new DummyConfig(1, "x"), track);
        assertTrue(store.contains(key));
        assertBitExact(track, store.read(key).orElseThrow());
        assertEquals(1, store.damagedEntries());
    }

    /** Two clips with identical media have one key; their workers may write it at the same moment. */
    @Test
    void concurrentWritesOfOneKeyLeaveOneValidEntry(@TempDir Path dir) throws Exception {
        FeatureStore store = new FeatureStore(dir);
        FeatureKey key = key("prosody", "same media");
        FeatureTrack track = bigTrack();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String clip = "clip-" + i;
                writes.add(pool.submit(() -> {
                    store.write(key, clip, new DummyConfig(1, "x"), track);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> w : writes) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        assertBitExact(track, store.read(key).orElseThrow());
        assertEquals(0, store.damagedEntries());
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
        assertEquals(0, store.damagedEntries());
    }

    @Test
    void goodEntryReadsBackBitExactlyWithChecksumsAndShapesInTheSidecar(@TempDir Path dir) throws Exception {
        Entry e = writtenEntry(dir);
        FeatureStore store = e.store();
        FeatureKey key = e.key();
        FeatureTrack track = e.track();
        assertBitExact(track, store.read(key).orElseThrow());
        assertBitExact(track, new FeatureStore(dir).read(key).orElseThrow());
        Path folder = dir.resolve(key.relativeDir());
        FeatureStore.TrackSidecar side = JSON.readValue(folder.resolve("track.json").toFile(), FeatureStore.TrackSidecar.class);
        assertEquals(FeatureStore.FORMAT, side.format());
        assertEquals(java.util.List.of(800L, 13L), side.arrays().get("values.npy").shape());
        assertEquals(java.util.List.of(800L), side.arrays().get("times.npy").shape());
        assertEquals(java.util.List.of(800L), side.arrays().get("mask.npy").shape());
        for (String f : new String[] {"values.npy", "times.npy", "mask.npy"}) {
            assertEquals(Hashing.sha256(folder.resolve(f)), side.arrays().get(f).sha256(), f);
            assertEquals(Files.size(folder.resolve(f)), side.arrays().get(f).bytes(), f);
        }
        assertEquals(0, store.damagedEntries());
        assertTrue(Files.exists(folder));
    }

    @Test
    void emptyTrackRoundTrips(@TempDir Path dir) throws Exception {
        FeatureStore store = new FeatureStore(dir);
        FeatureKey key = key("prosody", "silent");
        FeatureTrack empty = new FeatureTrack("prosody", new double[0], 4, new float[0], new boolean[0]);
        store.write(key, "clip-0", new DummyConfig(1, "x"), empty);
        FeatureTrack back = store.read(key).orElseThrow();
        assertEquals(0, back.length());
        assertEquals(4, back.dim());
        assertEquals(0, store.damagedEntries());
    }

    /** A store in {@code dir} holding one intact prosody entry of {@link #bigTrack()}. */
    private record Entry(FeatureStore store, FeatureKey key, FeatureTrack track) {
    }

    private static Entry writtenEntry(Path dir) throws Exception {
        FeatureStore store = new FeatureStore(dir);
        FeatureKey key = key("prosody", "media");
        FeatureTrack track = bigTrack();
        store.write(key, "clip-1", new DummyConfig(1, "x"), track);
        return new Entry(store, key, track);
    }

    @Test
    void truncatedValuesNpyIsDetectedDeletedAndRecomputed(@TempDir Path dir) throws Exception {
        Entry e = writtenEntry(dir);
        FeatureStore store = e.store();
        FeatureKey key = e.key();
        FeatureTrack track = e.track();
        Path values = dir.resolve(key.relativeDir()).resolve("values.npy");
        byte[] full = Files.readAllBytes(values);
        Files.write(values, Arrays.copyOf(full, full.length / 3));
        assertDetectedAndRecomputed(store, key, track, "truncated");
    }

    @Test
    void valuesNpyWithOneFlippedByteIsDetectedDeletedAndRecomputed(@TempDir Path dir) throws Exception {
        Entry e = writtenEntry(dir);
        FeatureStore store = e.store();
        FeatureKey key = e.key();
        FeatureTrack track = e.track();
        Path values = dir.resolve(key.relativeDir()).resolve("values.npy");
        byte[] b = Files.readAllBytes(values);
        b[b.length - 100] ^= 0x01; // a low mantissa bit: still a finite float of the right shape
        Files.write(values, b);
        assertDetectedAndRecomputed(store, key, track, "checksum mismatch");
    }

    @Test
    void garbageTrackJsonIsDetectedAndDoesNotAbort(@TempDir Path dir) throws Exception {
        Entry e = writtenEntry(dir);
        FeatureStore store = e.store();
        FeatureKey key = e.key();
        FeatureTrack track = e.track();
        Files.write(dir.resolve(key.relativeDir()).resolve("track.json"), new byte[] {0x7b, 0x22, (byte) 0xff, 0x00, 0x13, 0x37, 0x7d});
        assertDetectedAndRecomputed(store, key, track, "not valid JSON");
    }

    @Test
    void containsAlsoDetectsDamageSoExtractionRecomputes(@TempDir Path dir) throws Exception {
        FeatureStore store = new FeatureStore(dir);
        FeatureKey key = key("prosody", "media");
        store.write(key, "clip-1", new DummyConfig(1, "x"), bigTrack());
        Files.writeString(dir.resolve(key.relativeDir()).resolve("track.json"), "garbage");
        assertFalse(store.contains(key), "ExtractionRunner decides what to recompute with contains()");
        assertEquals(1, store.damagedEntries());
        assertFalse(Files.exists(dir.resolve(key.relativeDir())));
    }

    @Test
    void sidecarFromAnotherKeyIsForeign(@TempDir Path dir) throws Exception {
        FeatureStore store = new FeatureStore(dir);
        FeatureKey key = key("prosody", "media");
        FeatureKey other = key("prosody", "other media");
        FeatureTrack track = bigTrack();
        FeatureTrack otherTrack = new FeatureTrack("prosody", new double[] {0, 0.5}, 13, new float[26], new boolean[] {true, true});
        store.write(key, "clip-1", new DummyConfig(1, "x"), track);
        store.write(other, "clip-2", new DummyConfig(1, "x"), otherTrack);
        // an intact, self-consistent entry of another key copied over this key's folder
        Path mine = dir.resolve(key.relativeDir());
        Path theirs = dir.resolve(other.relativeDir());
        deleteTree(mine);
        copyTree(theirs, mine);
        assertDetectedAndRecomputed(store, key, track, "foreign");
        assertBitExact(otherTrack, store.read(other).orElseThrow());
    }

    @Test
    void oldFormatSidecarWithoutChecksumsIsStale(@TempDir Path dir) throws Exception {
        Entry e = writtenEntry(dir);
        FeatureStore store = e.store();
        FeatureKey key = e.key();
        FeatureTrack track = e.track();
        Path sidecar = dir.resolve(key.relativeDir()).resolve("track.json");
        ObjectNode old = (ObjectNode) JSON.readTree(sidecar.toFile());
        old.remove("arrays");
        old.put("format", "mer4j-track/1");
        Files.write(sidecar, JSON.writeValueAsBytes(old));
        assertDetectedAndRecomputed(store, key, track, "old format");
    }

    @Test
    void sidecarWhoseShapeDisagreesWithTheArraysIsDamaged(@TempDir Path dir) throws Exception {
        Entry e = writtenEntry(dir);
        FeatureStore store = e.store();
        FeatureKey key = e.key();
        FeatureTrack track = e.track();
        Path sidecar = dir.resolve(key.relativeDir()).resolve("track.json");
        ObjectNode side = (ObjectNode) JSON.readTree(sidecar.toFile());
        side.put("dim", 26);
        side.put("length", 400);
        Files.write(sidecar, JSON.writeValueAsBytes(side));
        assertDetectedAndRecomputed(store, key, track, "shape");
    }

    @Test
    void writeRefusesNonFiniteValuesAtValidSteps(@TempDir Path dir) {
        FeatureStore store = new FeatureStore(dir);
        FeatureKey key = key("prosody", "media");
        FeatureTrack bad = new FeatureTrack("prosody", new double[] {0, 0.01}, 1, new float[] {1, Float.POSITIVE_INFINITY},
                new boolean[] {true, true});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.write(key, "clip-1", null, bad));
        assertTrue(e.getMessage().contains("step 1"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(key.relativeDir())));
    }

    @Test
    void unreadableFileIsAnIoErrorNotDamage(@TempDir Path dir) throws Exception {
        FeatureStore store = new FeatureStore(dir);
        FeatureKey key = key("prosody", "media");
        store.write(key, "clip-1", new DummyConfig(1, "x"), bigTrack());
        Path folder = dir.resolve(key.relativeDir());
        Path values = folder.resolve("values.npy");
        Path proc = Path.of("/proc/self/mem");
        boolean unreadable;
        try {
            Files.setPosixFilePermissions(values, PosixFilePermissions.fromString("---------"));
            unreadable = !Files.isReadable(values);
        } catch (UnsupportedOperationException e) {
            unreadable = false;
        }
        if (!unreadable) {
            // running as root: permissions do not stop reads; a file whose read fails with EIO does
            assumeTrue(Files.isRegularFile(proc), "no way to make a file unreadable here");
            Files.delete(values);
            Files.createSymbolicLink(values, proc);
        }
        IOException e = assertThrows(IOException.class, () -> store.read(key));
        assertTrue(e.getMessage().contains(values.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("delete " + folder), e.getMessage());
        assertEquals(0, store.damagedEntries(), "an I/O failure is not damage");
        assertTrue(Files.exists(folder), "an I/O failure must not delete the entry");
        assertThrows(java.io.UncheckedIOException.class, () -> store.contains(key));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    @Test
    void configHashIgnoresKeyOrderButNotValues() {
        assertEquals(Hashing.configHash(java.util.Map.of("a", 1, "b", 2)), Hashing.configHash(new java.util.TreeMap<>(java.util.Map.of("b", 2, "a", 1))));
        assertFalse(Hashing.configHash(new DummyConfig(1, "x")).equals(Hashing.configHash(new DummyConfig(2, "x"))));
    }
}
