package org.mer4j.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.mer4j.api.AtomicFiles;
import org.mer4j.api.FeatureTrack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On-disk cache of feature tracks. Each track is a folder {@code <root>/<extractor>/<config12>/<media16>/}
 * holding {@code values.npy} (float32 [T, D]), {@code times.npy} (float64 [T]), {@code mask.npy}
 * (float32 [T], 1 = valid) written through ND4J, and {@code track.json}, the sidecar with the full
 * key, the extractor config, the clip id and, per array file, its size, shape and sha256. The folder
 * is written under a temporary name and renamed into place, so a track is either complete or absent:
 * an interrupted run resumes.
 *
 * <p>The cache checks itself. {@link #contains} and {@link #read} verify every entry they look at: the
 * sidecar parses and has the current {@link #FORMAT}, its key matches the requested one, each array
 * file is present with the recorded size, sha256, data type and shape, times are finite, the mask is
 * 0/1 and values are finite at valid steps. An entry that fails any check (truncated, flipped bytes,
 * garbage or old-format sidecar, a folder copied from another key) is deleted, logged as one WARN
 * line, counted in {@link #damagedEntries()} and reported as absent, so the caller recomputes it. A
 * genuine I/O failure (a file that cannot be read, a damaged entry that cannot be deleted) is not
 * damage: it is raised as an {@link IOException} naming the path and the fix.
 */
public final class FeatureStore {
    private final java.util.concurrent.ConcurrentMap<Path, Object> writeLocks = new java.util.concurrent.ConcurrentHashMap<>();
    /** Sidecar format written by this version; entries in any other format are stale and recomputed. */
    public static final String FORMAT = "mer4j-track/2";
    /** The format before checksums; such entries are deleted and recomputed. */
    static final String LEGACY_FORMAT = "mer4j-track/1";
    static final String SIDECAR = "track.json";
    static final String VALUES = "values.npy";
    static final String TIMES = "times.npy";
    static final String MASK = "mask.npy";

    private static final Logger LOG = LoggerFactory.getLogger(FeatureStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path root;
    private final List<DamagedEntry> damaged = new CopyOnWriteArrayList<>();

    /**
     * Sidecar written next to the arrays.
     *
     * @param format {@link #FORMAT}
     * @param clipId the clip the track was first computed for (clips sharing media share the entry)
     * @param extractor extractor name, as in the key
     * @param configHash full config sha256, as in the key
     * @param mediaHash full media sha256, as in the key
     * @param config the extractor config
     * @param length steps T
     * @param dim feature dimension D
     * @param created ISO-8601 time of writing
     * @param arrays per array file name, its size, shape and sha256; empty when T = 0 (no array files)
     */
    public record TrackSidecar(String format, String clipId, String extractor, String configHash, String mediaHash,
                               Object config, int length, int dim, String created, Map<String, ArrayFile> arrays) {
    }

    /**
     * What the sidecar records about one {@code .npy} file.
     *
     * @param shape array shape ({@code [T, D]} for values, {@code [T]} for times and mask)
     * @param bytes file size in bytes
     * @param sha256 lower-case hex sha256 of the file
     */
    public record ArrayFile(List<Long> shape, long bytes, String sha256) {
    }

    /**
     * An entry found damaged, deleted and left to be recomputed.
     *
     * @param folder the entry folder that was deleted
     * @param reason what was wrong with it
     */
    public record DamagedEntry(Path folder, String reason) {
    }

    /** @param root the cache folder ({@code features.cacheDir}) */
    public FeatureStore(Path root) {
        this.root = root;
    }

    /** The cache folder. */
    public Path root() {
        return root;
    }

    /** Entries found damaged (and deleted) by this store instance so far. */
    public int damagedEntries() {
        return damaged.size();
    }

    /** The damaged entries found so far, in the order found, each with its folder and reason. */
    public List<DamagedEntry> damaged() {
        return List.copyOf(damaged);
    }

    private Path dir(FeatureKey key) {
        return root.resolve(key.relativeDir());
    }

    /**
     * Whether a complete, intact track is stored under the key. The entry is fully verified; a damaged
     * one is deleted, counted and reported as absent.
     *
     * @throws FeatureStoreException when the entry cannot be read or a damaged entry cannot be deleted
     */
    public boolean contains(FeatureKey key) {
        try {
            return load(key).isPresent();
        } catch (IOException e) {
            throw new FeatureStoreException(e);
        }
    }

    /**
     * Reads a stored track; empty when absent, or when the entry was damaged (it is then deleted and
     * counted, see {@link #damaged()}).
     *
     * @throws IOException when a file of the entry cannot be read (e.g. permission denied) or a damaged
     *                     entry cannot be deleted; the message names the path and the fix
     */
    public Optional<FeatureTrack> read(FeatureKey key) throws IOException {
        return load(key);
    }

    private Optional<FeatureTrack> load(FeatureKey key) throws IOException {
        Path d = dir(key);
        if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(verify(key, d));
        } catch (Damaged e) {
            discard(d, e.getMessage());
            return Optional.empty();
        }
    }

    private FeatureTrack verify(FeatureKey key, Path d) throws Damaged, IOException {
        if (!Files.isDirectory(d)) {
            throw new Damaged("not a folder");
        }
        TrackSidecar side = sidecar(key, d);
        int t = side.length();
        int dim = side.dim();
        if (t < 0 || dim <= 0) {
            throw new Damaged(SIDECAR + " records length " + t + " and dim " + dim + " (need length >= 0, dim > 0)");
        }
        Map<String, ArrayFile> arrays = side.arrays() == null ? Map.of() : side.arrays();
        Map<String, List<Long>> expected = expectedShapes(t, dim);
        if (!arrays.keySet().equals(expected.keySet())) {
            throw new Damaged(SIDECAR + " lists array files " + arrays.keySet() + ", expected " + expected.keySet()
                    + " for length " + t);
        }
        if (t == 0) {
            return new FeatureTrack(side.extractor(), new double[0], dim, new float[0], new boolean[0]);
        }
        INDArray v = array(d, VALUES, arrays.get(VALUES), expected.get(VALUES), DataType.FLOAT);
        INDArray ti = array(d, TIMES, arrays.get(TIMES), expected.get(TIMES), DataType.DOUBLE);
        INDArray m = array(d, MASK, arrays.get(MASK), expected.get(MASK), DataType.FLOAT);
        float[] values = v.reshape((long) t * dim).toFloatVector();
        double[] times = ti.reshape(t).toDoubleVector();
        float[] mf = m.reshape(t).toFloatVector();
        boolean[] mask = new boolean[t];
        for (int i = 0; i < t; i++) {
            if (!Double.isFinite(times[i])) {
                throw new Damaged(TIMES + " has a non-finite time " + times[i] + " at step " + i);
            }
            if (mf[i] != 0f && mf[i] != 1f) {
                throw new Damaged(MASK + " has " + mf[i] + " at step " + i + " (must be 0 or 1)");
            }
            mask[i] = mf[i] == 1f;
            if (mask[i]) {
                for (int j = 0; j < dim; j++) {
                    if (!Float.isFinite(values[i * dim + j])) {
                        throw new Damaged(VALUES + " has a non-finite value at valid step " + i + ", feature " + j);
                    }
                }
            }
        }
        try {
            return new FeatureTrack(side.extractor(), times, dim, values, mask);
        } catch (IllegalArgumentException e) {
            throw new Damaged("arrays do not form a track: " + e.getMessage());
        }
    }

    private TrackSidecar sidecar(FeatureKey key, Path d) throws Damaged, IOException {
        byte[] bytes = bytes(d, SIDECAR);
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new Damaged(SIDECAR + " is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new Damaged(SIDECAR + " is unreadable (" + e.getMessage() + ")");
        }
        if (tree == null || !tree.isObject()) {
            throw new Damaged(SIDECAR + " is not a JSON object");
        }
        JsonNode format = tree.get("format");
        String f = format != null && format.isTextual() ? format.asText() : null;
        if (LEGACY_FORMAT.equals(f)) {
            throw new Damaged("stale: " + SIDECAR + " is in the old format " + LEGACY_FORMAT + ", which has no checksums");
        }
        if (!FORMAT.equals(f)) {
            throw new Damaged(SIDECAR + " has format " + (f == null ? "(none)" : "'" + f + "'") + ", expected '" + FORMAT + "'");
        }
        TrackSidecar side;
        try {
            side = JSON.treeToValue(tree, TrackSidecar.class);
        } catch (JsonProcessingException e) {
            throw new Damaged(SIDECAR + " does not have the " + FORMAT + " layout (" + e.getOriginalMessage() + ")");
        }
        if (!key.extractor().equals(side.extractor()) || !key.configHash().equals(side.configHash())
                || !key.mediaHash().equals(side.mediaHash())) {
            throw new Damaged("foreign: " + SIDECAR + " belongs to extractor=" + side.extractor() + " configHash=" + side.configHash()
                    + " mediaHash=" + side.mediaHash() + ", not to extractor=" + key.extractor() + " configHash=" + key.configHash()
                    + " mediaHash=" + key.mediaHash());
        }
        return side;
    }

    private static Map<String, List<Long>> expectedShapes(int t, int dim) {
        Map<String, List<Long>> m = new LinkedHashMap<>();
        if (t > 0) {
            m.put(VALUES, List.of((long) t, (long) dim));
            m.put(TIMES, List.of((long) t));
            m.put(MASK, List.of((long) t));
        }
        return m;
    }

    /** Reads one array file and checks it against its sidecar record: size, sha256, then data type and shape. */
    private static INDArray array(Path d, String name, ArrayFile rec, List<Long> shape, DataType type) throws Damaged, IOException {
        if (rec == null || rec.sha256() == null || rec.shape() == null) {
            throw new Damaged(SIDECAR + " has an incomplete record for " + name);
        }
        if (!shape.equals(rec.shape())) {
            throw new Damaged(SIDECAR + " records shape " + rec.shape() + " for " + name + ", but its length and dim give " + shape);
        }
        byte[] bytes = bytes(d, name);
        if (bytes.length != rec.bytes()) {
            throw new Damaged(name + " has " + bytes.length + " bytes, " + SIDECAR + " records " + rec.bytes()
                    + (bytes.length < rec.bytes() ? " (truncated)" : ""));
        }
        String sha = sha256(bytes);
        if (!sha.equals(rec.sha256())) {
            throw new Damaged(name + " checksum mismatch: sha256 " + sha + ", " + SIDECAR + " records " + rec.sha256());
        }
        INDArray a;
        try {
            a = Nd4j.createNpyFromByteArray(bytes);
        } catch (RuntimeException e) {
            throw new Damaged(name + " is not a readable .npy file (" + e.getMessage() + ")");
        }
        if (a == null || a.dataType() != type) {
            throw new Damaged(name + " holds " + (a == null ? "nothing" : a.dataType()) + ", expected " + type);
        }
        List<Long> actual = Arrays.stream(a.shape()).boxed().toList();
        if (!actual.equals(shape)) {
            throw new Damaged(name + " has shape " + actual + ", expected " + shape);
        }
        return a;
    }

    /** The bytes of one file of the entry: a missing file is damage, any other read failure is an I/O error. */
    private static byte[] bytes(Path d, String name) throws Damaged, IOException {
        Path p = d.resolve(name);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new Damaged(name + " is missing");
        }
        if (!Files.isRegularFile(p)) {
            throw new Damaged(name + " is not a regular file");
        }
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new Damaged(name + " is missing");
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read feature cache file " + p + ": permission denied; give this user read access to "
                    + d + " (or delete that folder to recompute the track)", e);
        } catch (IOException e) {
            throw new IOException("cannot read feature cache file " + p + ": " + e + "; check the disk holding the cache "
                    + "(or delete " + d + " to recompute the track)", e);
        }
    }

    /** Deletes a damaged entry, counts it and logs one WARN line. */
    private void discard(Path d, String reason) throws IOException {
        try {
            deleteRecursively(d);
        } catch (IOException e) {
            throw new IOException("feature cache entry " + d + " is damaged (" + reason + ") and cannot be deleted: " + e
                    + "; delete the folder by hand (or fix its permissions) and rerun", e);
        }
        damaged.add(new DamagedEntry(d, reason));
        LOG.warn("feature cache: deleted damaged entry {}, it will be recomputed: {}", d, reason);
    }

    /**
     * Writes a track atomically (temporary folder, then rename), with the size, shape and sha256 of each
     * array file in the sidecar.
     *
     * @throws IllegalArgumentException when a time is not finite, or a value at a valid (unmasked) step is
     *                                  not finite: such a track would be rejected on read
     */
    public void write(FeatureKey key, String clipId, Object config, FeatureTrack track) throws IOException {
        int t = track.length();
        int dim = track.dim();
        checkFinite(key, clipId, track);
        Path target = dir(key);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
        try {
            Map<String, ArrayFile> arrays = new LinkedHashMap<>();
            if (t > 0) {
                float[] mf = new float[t];
                for (int i = 0; i < t; i++) {
                    mf[i] = track.mask()[i] ? 1f : 0f;
                }
                arrays.put(VALUES, writeArray(tmp.resolve(VALUES), Nd4j.create(track.values(), new long[] {t, dim}, DataType.FLOAT)));
                arrays.put(TIMES, writeArray(tmp.resolve(TIMES), Nd4j.createFromArray(track.times())));
                arrays.put(MASK, writeArray(tmp.resolve(MASK), Nd4j.createFromArray(mf)));
            }
            TrackSidecar side = new TrackSidecar(FORMAT, clipId, key.extractor(), key.configHash(), key.mediaHash(),
                    config, t, dim, Instant.now().toString(), arrays);
            AtomicFiles.write(tmp.resolve(SIDECAR), JSON.writeValueAsBytes(side));
            // two clips with identical media (duplicates in a corpus) have the same key and may finish together,
            // in this process or in another writing the same store (Spark executors on shared storage)
            synchronized (writeLocks.computeIfAbsent(target, k -> new Object())) {
                publish(key, tmp, target);
            }
        } finally {
            if (Files.exists(tmp)) {
                deleteRecursively(tmp);
            }
        }
    }

    /**
     * Renames the finished temporary folder into place. An entry that is already there was placed by
     * another writer of the same key (the key names extractor, config and media content, so it holds
     * the same track) and is kept, unless it fails verification: then it is deleted as damaged and the
     * rename is tried again. Existing entries are never deleted while intact, so a reader in another
     * process never sees one half-deleted.
     */
    private void publish(FeatureKey key, Path tmp, Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                Files.move(tmp, target);
                return;
            } catch (IOException e) {
                // Linux reports a rename onto a non-empty folder as a plain FileSystemException ("Directory not empty")
                boolean there = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
                if (there && load(key).isPresent()) {
                    return;
                }
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private static void checkFinite(FeatureKey key, String clipId, FeatureTrack track) {
        int dim = track.dim();
        for (int i = 0; i < track.length(); i++) {
            if (!Double.isFinite(track.times()[i])) {
                throw new IllegalArgumentException("track " + key.extractor() + " of clip " + clipId + ": time at step " + i
                        + " is " + track.times()[i] + "; the extractor must produce finite times");
            }
            if (track.mask()[i]) {
                for (int j = 0; j < dim; j++) {
                    if (!Float.isFinite(track.values()[i * dim + j])) {
                        throw new IllegalArgumentException("track " + key.extractor() + " of clip " + clipId + ": value at valid step "
                                + i + ", feature " + j + " is " + track.values()[i * dim + j]
                                + "; the extractor must produce finite values or mask the step");
                    }
                }
            }
        }
    }

    private static ArrayFile writeArray(Path file, INDArray a) throws IOException {
        byte[] bytes = Nd4j.toNpyByteArray(a);
        Files.write(file, bytes);
        return new ArrayFile(Arrays.stream(a.shape()).boxed().toList(), bytes.length, sha256(bytes));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(p)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        } catch (NoSuchFileException e) {
            return;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return;
            }
            throw e.getCause();
        }
        for (Path q : all) {
            Files.deleteIfExists(q);
        }
    }

    /** Why an entry is damaged; never escapes this class. */
    private static final class Damaged extends Exception {
        Damaged(String reason) {
            super(reason, null, false, false);
        }
    }
}
