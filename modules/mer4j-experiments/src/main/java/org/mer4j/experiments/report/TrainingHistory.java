package org.mer4j.experiments.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mer4j.api.AtomicFiles;
import org.mer4j.train.EpochRecord;
import org.mer4j.train.FusionTrainer;

/**
 * A run's learning curve: {@code history.csv} in the run folder, one line per epoch with
 * {@code epoch,train_loss,val_loss,val_<metric>...,seconds} (empty cells where a value is missing or
 * not finite). Run folders written before {@code history.csv} existed have the same numbers only as
 * the epoch lines of {@code log.txt} ({@code epoch N loss X val {k=v, ...} Ts}), which
 * {@link #read} parses instead.
 */
public final class TrainingHistory {
    /** File name inside the run folder. */
    public static final String FILE = "history.csv";
    private static final String VAL = "val_";
    private static final Pattern LOG_LINE = Pattern.compile("^epoch (\\d+) loss (\\S+) val \\{(.*)} (\\S+)s$");

    /**
     * A curve as read back.
     *
     * @param source where it came from: {@code history.csv} or {@code log.txt}
     * @param epochs one per epoch, in order
     */
    public record Curve(String source, List<EpochRecord> epochs) {
        public Curve {
            epochs = List.copyOf(epochs);
        }

        /** The validation metric keys in their first-seen order ({@link FusionTrainer#VAL_LOSS} included). */
        public List<String> validationKeys() {
            Set<String> keys = new LinkedHashSet<>();
            epochs.forEach(e -> keys.addAll(e.validation().keySet()));
            return List.copyOf(keys);
        }
    }

    private TrainingHistory() {
    }

    /** Writes {@code epochs} as {@code history.csv} ({@code file}), atomically. */
    public static void write(Path file, List<EpochRecord> epochs) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(FusionTrainer.VAL_LOSS);
        epochs.forEach(e -> keys.addAll(e.validation().keySet()));
        boolean anyValidation = epochs.stream().anyMatch(e -> !e.validation().isEmpty());
        List<String> valKeys = anyValidation ? List.copyOf(keys) : List.of();
        StringBuilder sb = new StringBuilder("epoch,train_loss");
        valKeys.forEach(k -> sb.append(',').append(VAL).append(k));
        sb.append(",seconds\n");
        for (EpochRecord e : epochs) {
            sb.append(e.epoch()).append(',').append(number(e.trainLoss()));
            valKeys.forEach(k -> sb.append(',').append(number(e.validation().get(k))));
            sb.append(',').append(number(e.seconds())).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * The curve of the run in {@code runDir}: from {@code history.csv}, else from the epoch lines of
     * {@code log.txt}; empty when neither has an epoch.
     */
    public static Optional<Curve> read(Path runDir) throws IOException {
        Path csv = runDir.resolve(FILE);
        if (Files.isRegularFile(csv)) {
            List<EpochRecord> epochs = fromCsv(CsvTable.read(csv));
            if (!epochs.isEmpty()) {
                return Optional.of(new Curve(FILE, epochs));
            }
        }
        Path log = runDir.resolve("log.txt");
        if (Files.isRegularFile(log)) {
            List<EpochRecord> epochs = parseLog(Files.readAllLines(log));
            if (!epochs.isEmpty()) {
                return Optional.of(new Curve("log.txt", epochs));
            }
        }
        return Optional.empty();
    }

    /** The epoch lines of a {@code log.txt} (other lines, such as "resumed after epoch", are skipped). */
    static List<EpochRecord> parseLog(List<String> lines) {
        List<EpochRecord> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LOG_LINE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            Map<String, Double> val = new LinkedHashMap<>();
            String body = m.group(3).strip();
            if (!body.isEmpty()) {
                for (String pair : body.split(", ")) {
                    int eq = pair.indexOf('=');
                    Double v = eq > 0 ? parse(pair.substring(eq + 1)) : null;
                    if (v != null) {
                        val.put(pair.substring(0, eq), v);
                    }
                }
            }
            out.add(new EpochRecord(Integer.parseInt(m.group(1)), orNaN(parse(m.group(2))), val, orNaN(parse(m.group(4)))));
        }
        return out;
    }

    private static List<EpochRecord> fromCsv(CsvTable t) throws IOException {
        for (String required : List.of("epoch", "train_loss")) {
            if (!t.has(required)) {
                throw new IOException(t.file() + " has no column '" + required + "' (columns: " + t.header()
                        + "); it is not a mer4j history.csv");
            }
        }
        List<EpochRecord> out = new ArrayList<>();
        for (String[] row : t.rows()) {
            Map<String, Double> val = new LinkedHashMap<>();
            for (String column : t.header()) {
                if (column.startsWith(VAL)) {
                    Double v = parse(t.cell(row, column));
                    if (v != null) {
                        val.put(column.substring(VAL.length()), v);
                    }
                }
            }
            Double seconds = t.has("seconds") ? parse(t.cell(row, "seconds")) : null;
            out.add(new EpochRecord(Integer.parseInt(t.cell(row, "epoch").strip()), orNaN(parse(t.cell(row, "train_loss"))), val,
                    orNaN(seconds)));
        }
        return out;
    }

    private static Double parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static String number(Double v) {
        return v == null || !Double.isFinite(v) ? "" : Double.toString(v);
    }
}
