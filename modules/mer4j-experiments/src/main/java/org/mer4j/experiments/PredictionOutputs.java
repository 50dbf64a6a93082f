package org.mer4j.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mer4j.api.AtomicFiles;

/**
 * The files {@code mer4j predict} writes into its output folder, from a {@link RunPredictor.Result}:
 * <ul>
 *   <li>{@code <clip>.csv}: one row per timeline step, {@code step,time_s} and every step-level
 *       prediction column of the run's tasks (e.g. {@code ah_prob,inconsistency_prob}), formatted as in
 *       the run's {@code predictions.csv}; left out when the run has no step-level task;</li>
 *   <li>{@code <clip>.json}: the files given, the run, the normalisation, notes, the clip-level
 *       predictions ({@code ah_video_prob}, {@code inconsistency_clip_prob}, {@code emotion_pred},
 *       {@code emotion_p_<class>}, ...) and the per-step ones, at full float precision;</li>
 *   <li>{@code summary.csv}: one row per predicted video with its clip-level columns;</li>
 *   <li>{@code summary.json}: the run, the normalisation, warnings, every video's clip-level
 *       predictions and files, and the videos that could not be predicted with their reasons.</li>
 * </ul>
 */
public final class PredictionOutputs {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PredictionOutputs() {
    }

    /** Writes the files into {@code outDir} (created when missing; files of the same names are replaced). */
    public static void write(RunPredictor.Result result, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        List<Map<String, Object>> videos = new ArrayList<>();
        Set<String> clipColumns = new LinkedHashSet<>();
        for (RunPredictor.VideoPrediction v : result.videos()) {
            clipColumns.addAll(v.clip().columns());
            Map<String, Object> files = new LinkedHashMap<>();
            boolean stepColumns = v.frames().columns().size() > 2;
            if (stepColumns) {
                StringBuilder csv = new StringBuilder(String.join(",", v.frames().columns())).append('\n');
                v.frames().cells().forEach(row -> csv.append(String.join(",", row)).append('\n'));
                AtomicFiles.writeString(outDir.resolve(v.clipId() + ".csv"), csv.toString());
                files.put("frames", v.clipId() + ".csv");
            }
            files.put("json", v.clipId() + ".json");
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.putAll(describe(v));
            doc.put("run", result.run().toString());
            doc.put("experiment", result.experiment());
            doc.put("row", result.row());
            doc.put("fold", result.fold());
            doc.put("normalization", result.normalization());
            doc.put("frames", rows(v.frames()));
            AtomicFiles.write(outDir.resolve(v.clipId() + ".json"), JSON.writeValueAsBytes(doc));
            Map<String, Object> entry = describe(v);
            entry.put("files", files);
            videos.add(entry);
        }
        StringBuilder summary = new StringBuilder("video,clip_id,steps");
        clipColumns.forEach(c -> summary.append(',').append(c));
        summary.append('\n');
        for (RunPredictor.VideoPrediction v : result.videos()) {
            summary.append(CsvField.of(v.input().video().toString())).append(',').append(v.clipId()).append(',').append(v.steps());
            List<String> cols = v.clip().columns();
            for (String c : clipColumns) {
                int i = cols.indexOf(c);
                summary.append(',').append(i < 0 ? "" : CsvField.of(v.clip().cells().get(0).get(i)));
            }
            summary.append('\n');
        }
        AtomicFiles.writeString(outDir.resolve("summary.csv"), summary.toString());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("run", result.run().toString());
        doc.put("experiment", result.experiment());
        doc.put("row", result.row());
        doc.put("fold", result.fold());
        doc.put("normalization", result.normalization());
        doc.put("warnings", result.warnings());
        doc.put("videos", videos);
        List<Map<String, Object>> failed = new ArrayList<>();
        for (RunPredictor.Failure f : result.failures()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("video", f.input().video().toString());
            m.put("reason", f.reason());
            m.put("message", f.message());
            failed.add(m);
        }
        doc.put("failed", failed);
        AtomicFiles.write(outDir.resolve("summary.json"), JSON.writeValueAsBytes(doc));
    }

    private static Map<String, Object> describe(RunPredictor.VideoPrediction v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("video", v.input().video().toString());
        m.put("audio", v.input().audio() == null ? null : v.input().audio().toString());
        m.put("transcript", v.input().transcript() == null ? null : v.input().transcript().toString());
        m.put("clipId", v.clipId());
        m.put("rate", v.rate());
        m.put("steps", v.steps());
        m.put("notes", v.notes());
        m.put("clip", rows(v.clip()).get(0));
        return m;
    }

    private static List<Map<String, Object>> rows(RunPredictor.Table t) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> values : t.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < t.columns().size(); i++) {
                row.put(t.columns().get(i), values.get(i));
            }
            out.add(row);
        }
        return out;
    }
}
