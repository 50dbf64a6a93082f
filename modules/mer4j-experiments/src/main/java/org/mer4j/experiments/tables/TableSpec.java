package org.mer4j.experiments.tables;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A published table, declared in {@code experiments/<name>/table.yaml}: which experiments' run
 * folders feed it, which rows (by their name in the experiment config, with the label the table
 * shows), and which metric columns. {@link TableBuilder} rebuilds it from the run folders alone.
 *
 * <pre>
 * title: BAH-shaped table, quickstart corpus
 * experiment: quickstart            # default experiment of the rows
 * columns:
 *   - {metric: ah_frame_macro_f1, label: Frame AVGF1}
 * rows:
 *   - {label: V, row: video only}
 *   - {label: V+A, row: video+audio, experiment: quickstart-bah}
 * </pre>
 *
 * @param title heading of the table
 * @param experiment default experiment (its folder under the runs folder) of every row
 * @param columns the metric columns, in order
 * @param rows the rows, in order
 * @param note optional sentence printed under the table (protocol, what the numbers are)
 * @param reference label of the row the others are tested against (paired sign-flip test over the
 *     (fold, seed) runs both have; marks * / **); default: the first row
 */
public record TableSpec(String title, String experiment, List<Column> columns, List<RowRef> rows, String note, String reference) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A metric column. */
    public record Column(String metric, String label) {
        public Column {
            if (metric == null || metric.isBlank()) {
                throw new IllegalArgumentException("columns[].metric: give a metric key, e.g. ah_frame_macro_f1");
            }
            label = label == null ? metric : label;
        }
    }

    /** A row: the experiment row named {@code row} of {@code experiment} (default: the table's), shown as {@code label}. */
    public record RowRef(String label, String row, String experiment) {
        public RowRef {
            if (row == null || row.isBlank()) {
                throw new IllegalArgumentException("rows[].row: give the row's name as in its experiment config");
            }
            label = label == null ? row : label;
        }
    }

    public TableSpec {
        if (columns == null || columns.isEmpty() || rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("a table spec needs columns and rows");
        }
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        title = title == null ? "table" : title;
        String ref = reference == null ? rows.get(0).label() : reference;
        if (rows.stream().noneMatch(r -> r.label().equals(ref))) {
            throw new IllegalArgumentException("reference: no row is labelled '" + ref + "'; rows: "
                    + rows.stream().map(RowRef::label).toList());
        }
        reference = ref;
        for (RowRef r : rows) {
            if (r.experiment() == null && experiment == null) {
                throw new IllegalArgumentException("rows '" + r.label() + "': no experiment; set experiment: at the top or in the row");
            }
        }
    }

    /** The experiment of {@code row}. */
    public String experimentOf(RowRef row) {
        return row.experiment() != null ? row.experiment() : experiment;
    }

    /** Reads {@code file}; errors name the file. */
    public static TableSpec read(Path file) {
        try {
            return YAML.readValue(Files.readString(file), TableSpec.class);
        } catch (IOException | IllegalArgumentException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IllegalArgumentException(file + ": " + root.getMessage(), e);
        }
    }
}
