package org.mer4j.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.AtomicFiles;
import org.mer4j.train.ClipPrediction;
import org.mer4j.train.tasks.EncodedLabels;
import org.mer4j.train.tasks.Task;
import org.mer4j.train.tasks.TaskSet;

/**
 * A run's predictions on its test clips: {@code predictions.csv} with one row per step
 * ({@code clip_id,subject,step,time_s}, then each step-level task's truth and prediction columns)
 * and {@code clip_predictions.csv} with one row per clip (each task's clip columns).
 */
final class PredictionFiles {
    private PredictionFiles() {
    }

    static void write(Path runDir, TaskSet tasks, List<AlignedClip> clips, List<ClipPrediction> preds) throws IOException {
        List<String> stepHeader = new ArrayList<>(List.of("clip_id", "subject", "step", "time_s"));
        List<String> clipHeader = new ArrayList<>(List.of("clip_id", "subject"));
        for (Task t : tasks.tasks()) {
            stepHeader.addAll(t.stepColumns());
            clipHeader.addAll(t.clipColumns());
        }
        StringBuilder steps = new StringBuilder(String.join(",", stepHeader)).append('\n');
        StringBuilder clipRows = new StringBuilder(String.join(",", clipHeader)).append('\n');
        boolean anyStepColumn = stepHeader.size() > 4;
        for (int i = 0; i < clips.size(); i++) {
            AlignedClip c = clips.get(i);
            ClipPrediction p = preds.get(i);
            EncodedLabels[] labels = tasks.labels(c);
            if (anyStepColumn) {
                for (int t = 0; t < c.steps(); t++) {
                    List<String> cells = new ArrayList<>(List.of(c.clipId(), c.subject(), String.valueOf(t),
                            String.format(Locale.ROOT, "%.3f", t / c.rate())));
                    for (int k = 0; k < tasks.tasks().size(); k++) {
                        Task task = tasks.tasks().get(k);
                        cells.addAll(task.stepCells(labels[k], p.task(task.name()), t));
                    }
                    steps.append(String.join(",", cells)).append('\n');
                }
            }
            List<String> cells = new ArrayList<>(List.of(c.clipId(), c.subject()));
            for (int k = 0; k < tasks.tasks().size(); k++) {
                Task task = tasks.tasks().get(k);
                cells.addAll(task.clipCells(labels[k], p.task(task.name())));
            }
            clipRows.append(String.join(",", cells)).append('\n');
        }
        if (anyStepColumn) {
            AtomicFiles.writeString(runDir.resolve("predictions.csv"), steps.toString());
        }
        AtomicFiles.writeString(runDir.resolve("clip_predictions.csv"), clipRows.toString());
    }
}
