package org.mer4j.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mer4j.api.AtomicFiles;

/**
 * The per-epoch checkpoint of a training run in {@code <checkpoint>/}: {@code epoch-NNNN.params}
 * (model weights), {@code epoch-NNNN.optimizer} (optimiser moments and update counters) and
 * {@code state.json} (epoch, model-selection and early-stopping state, the log lines and epoch measurements so far). The
 * batch order and the dropout generator are re-seeded from the run seed at the start of every epoch,
 * so these files are the whole state: a run killed at any point resumes after its last complete
 * epoch and ends exactly as an uninterrupted run. {@code state.json} is written last and atomically;
 * it is the commit point, older epoch files are deleted after it.
 */
final class TrainingCheckpoint {
    static final String STATE = "state.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 1;

    /**
     * The saved state.
     *
     * @param format file format version
     * @param runKey identifies the training problem (config, data, seed); a checkpoint of another run is never resumed
     * @param epoch last complete epoch (1-based)
     * @param selection model selection after that epoch
     * @param log the epoch log lines so far
     * @param history the measurements of the epochs so far (absent from checkpoints written before it existed)
     */
    record State(int format, String runKey, int epoch, BestEpochSelector.State selection, List<String> log, List<EpochRecord> history) {
        State {
            log = log == null ? List.of() : List.copyOf(log);
            history = history == null ? List.of() : List.copyOf(history);
        }
    }

    /** Something that writes itself to a stream (weights, optimiser state). */
    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private final Path dir;

    TrainingCheckpoint(Path dir) {
        this.dir = dir;
    }

    /** The saved state, or null when there is none or it belongs to another run. */
    State read(String runKey) throws IOException {
        Path file = dir.resolve(STATE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        State s;
        try {
            s = JSON.readValue(file.toFile(), State.class);
        } catch (IOException e) {
            throw new IOException("checkpoint " + file + " is unreadable (" + e.getMessage() + "); delete the run's checkpoint folder to start over", e);
        }
        if (s.format() != FORMAT || !runKey.equals(s.runKey())) {
            return null;
        }
        return s;
    }

    Path params(int epoch) {
        return dir.resolve(String.format("epoch-%04d.params", epoch));
    }

    Path optimizer(int epoch) {
        return dir.resolve(String.format("epoch-%04d.optimizer", epoch));
    }

    /** Writes the files of {@code state.epoch()}, commits {@code state.json}, then deletes older epochs. */
    void write(State state, Writer weights, Writer optimizerState) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(params(state.epoch()), weights);
        writeAtomically(optimizer(state.epoch()), optimizerState);
        AtomicFiles.write(dir.resolve(STATE), JSON.writeValueAsBytes(state));
        String keepParams = params(state.epoch()).getFileName().toString();
        String keepOptimizer = optimizer(state.epoch()).getFileName().toString();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("epoch-") && !name.equals(keepParams) && !name.equals(keepOptimizer)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Writes through a temporary file and renames it into place. */
    static void writeAtomically(Path target, Writer writer) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp));
                 DataOutputStream data = new DataOutputStream(out)) {
                writer.write(data);
            }
            AtomicFiles.moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
