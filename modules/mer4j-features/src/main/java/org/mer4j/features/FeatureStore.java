package org.mer4j.features;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.mer4j.api.AtomicFiles;
import org.mer4j.api.FeatureTrack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * On-disk cache of feature tracks. Each track is a folder {@code <root>/<extractor>/<config12>/<media16>/}
 * holding {@code values.npy} (float32 [T, D]), {@code times.npy} (float64 [T]), {@code mask.npy}
 * (float32 [T], 1 = valid) written through ND4J, and {@code track.json}, the sidecar with the full
 * key, the extractor config and the clip id. The folder is written under a temporary name and
 * renamed into place, so a track is either complete or absent: an interrupted run resumes.
 */
public final class FeatureStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path root;

    /** Sidecar written next to the arrays. */
    public record TrackSidecar(String format, String clipId, String extractor, String configHash, String mediaHash,
                               Object config, int length, int dim, String created) {
    }

    public FeatureStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    private Path dir(FeatureKey key) {
        return root.resolve(key.relativeDir());
    }

    /** Whether a complete track is stored under the key. */
    public boolean contains(FeatureKey key) {
        return Files.isRegularFile(dir(key).resolve("track.json"));
    }

    /** Reads a stored track, or empty when absent. */
    public Optional<FeatureTrack> read(FeatureKey key) throws IOException {
        Path d = dir(key);
        if (!contains(key)) {
            return Optional.empty();
        }
        TrackSidecar side = JSON.readValue(d.resolve("track.json").toFile(), TrackSidecar.class);
        int t = side.length();
        int dim = side.dim();
        float[] values = new float[t * dim];
        double[] times = new double[t];
        boolean[] mask = new boolean[t];
        if (t > 0) {
            INDArray v = Nd4j.createFromNpyFile(d.resolve("values.npy").toFile());
            INDArray ti = Nd4j.createFromNpyFile(d.resolve("times.npy").toFile());
            INDArray m = Nd4j.createFromNpyFile(d.resolve("mask.npy").toFile());
            if (v.length() != (long) t * dim || ti.length() != t || m.length() != t) {
                throw new IOException(d + ": arrays do not match track.json (" + t + " x " + dim + "); delete the folder to recompute it");
            }
            values = v.reshape(t * (long) dim).toFloatVector();
            times = ti.reshape(t).toDoubleVector();
            float[] mf = m.reshape(t).toFloatVector();
            for (int i = 0; i < t; i++) {
                mask[i] = mf[i] > 0.5f;
            }
        }
        return Optional.of(new FeatureTrack(side.extractor(), times, dim, values, mask));
    }

    /** Writes a track atomically (temporary folder, then rename). */
    public void write(FeatureKey key, String clipId, Object config, FeatureTrack track) throws IOException {
        Path target = dir(key);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
        try {
            int t = track.length();
            if (t > 0) {
                float[] mf = new float[t];
                for (int i = 0; i < t; i++) {
                    mf[i] = track.mask()[i] ? 1f : 0f;
                }
                Nd4j.writeAsNumpy(Nd4j.create(track.values(), new long[] {t, track.dim()}, DataType.FLOAT), tmp.resolve("values.npy").toFile());
                Nd4j.writeAsNumpy(Nd4j.createFromArray(track.times()), tmp.resolve("times.npy").toFile());
                Nd4j.writeAsNumpy(Nd4j.createFromArray(mf), tmp.resolve("mask.npy").toFile());
            }
            TrackSidecar side = new TrackSidecar("mer4j-track/1", clipId, key.extractor(), key.configHash(), key.mediaHash(),
                    config, t, track.dim(), Instant.now().toString());
            AtomicFiles.write(tmp.resolve("track.json"), JSON.writeValueAsBytes(side));
            if (Files.exists(target)) {
                deleteRecursively(target);
            }
            Files.move(tmp, target);
        } finally {
            if (Files.exists(tmp)) {
                deleteRecursively(tmp);
            }
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
