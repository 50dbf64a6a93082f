package org.mer4j.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.AtomicFiles;
import org.mer4j.api.Modality;
import org.mer4j.train.ClipPrediction;
import org.mer4j.train.classical.LinearSvmConfig;
import org.mer4j.train.classical.LinearSvmRow;
import org.mer4j.train.tasks.TaskSet;

/**
 * Trains and scores a {@code classifier:} row ({@link LinearSvmRow}) on one fold, on the clips
 * {@link FoldTrainer} selected and normalised exactly as for a fusion row, and writes the same
 * run-folder files: {@code clip_predictions.csv} (and {@code predictions.csv} when a task has step
 * columns), {@code log.txt} with the C grid, the validation scores and LIBLINEAR's messages, plus the
 * final model as {@code linear-svm.model} (LIBLINEAR's text format). There is no epoch loop, so no
 * checkpoint: the outcome's best epoch is 0.
 */
final class ClassicalRowTrainer {
    /** The fold's clips (normalised) and tasks. */
    record Data(List<Modality> modalities, List<AlignedClip> train, List<AlignedClip> val, List<AlignedClip> test, TaskSet tasks) {
    }

    private ClassicalRowTrainer() {
    }

    static FoldTrainer.Outcome run(ExperimentConfig cfg, PluginConfigs plugins, int rowIndex, Fold fold, long seed, Path runDir, Data data,
                                   Map<String, Map<String, String>> metadata, long t0, boolean peakReset) throws IOException {
        ExperimentConfig.RowConfig row = cfg.rows().get(rowIndex);
        LinearSvmConfig config = plugins.classifiers().get(rowIndex);
        TaskSet tasks = data.tasks();
        StringBuilder runLog = new StringBuilder();
        runLog.append(String.format(Locale.ROOT, "row=%s fold=%d seed=%d train=%d val=%d test=%d clips; classifier=%s %s;"
                        + " normalization=%s; heads=%s%n", row.name(), fold.index(), seed, data.train().size(), data.val().size(),
                data.test().size(), LinearSvmRow.TYPE, config, cfg.normalization().scope(), tasks.heads()));
        LinearSvmRow svm = LinearSvmRow.fit(config, tasks, data.modalities(), data.train(), data.val(), plugins.train().selectBy(), seed);
        Map<String, Double> cost = new LinkedHashMap<>();
        cost.put("trainSeconds", (System.nanoTime() - t0) / 1e9);
        cost.put("parameters", (double) svm.parameterCount());
        Double peak = peakReset ? PeakMemory.peakMiB() : null;
        if (peak != null) {
            cost.put("peakRssMiB", peak);
        }
        List<ClipPrediction> preds = svm.predict(data.test());
        Map<String, Double> metrics = tasks.evaluate(data.test(), preds);
        PredictionFiles.write(runDir, tasks, data.test(), preds);
        AtomicFiles.writeString(runDir.resolve("linear-svm.model"), svm.modelText());
        svm.log().forEach(line -> runLog.append(line).append('\n'));
        runLog.append("test ").append(metrics).append('\n');
        AtomicFiles.writeString(runDir.resolve("log.txt"), runLog.toString());
        Map<String, Map<String, Double>> groups = new TreeMap<>();
        for (String key : cfg.report().groupBy()) {
            FoldTrainer.groupMetrics(tasks, data.test(), preds, c -> metadata.getOrDefault(c.clipId(), Map.of()).get(key))
                    .forEach((value, m) -> groups.put(key + "=" + value, m));
        }
        Map<String, Map<String, Double>> subjects = FoldTrainer.groupMetrics(tasks, data.test(), preds, AlignedClip::subject);
        return new FoldTrainer.Outcome(metrics, groups, subjects, cost, data.test().size(), 0, 0, (System.nanoTime() - t0) / 1e9);
    }
}
