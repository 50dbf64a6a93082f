package org.mer4j.experiments;

import org.mer4j.experiments.report.TrainingHistory;
import org.mer4j.experiments.robustness.RobustnessProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.AtomicFiles;
import org.mer4j.api.Modality;
import org.mer4j.features.IdColumns;
import org.mer4j.features.Standardizer;
import org.mer4j.models.ConversationLayout;
import org.mer4j.models.FusionBlock;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.TokenInput;
import org.mer4j.train.ClipPrediction;
import org.mer4j.train.FusionTrainer;
import org.mer4j.train.TrainingListener;
import org.mer4j.train.tasks.TaskContext;
import org.mer4j.train.tasks.TaskSet;
import org.mer4j.train.TrainedModel;

/**
 * Trains and scores one table row on one fold: picks the row's modalities, standardises features
 * on the training subjects, builds the row's fusion model from the registry and the configured
 * tasks, trains with best-epoch selection on the validation subjects (resuming from the run
 * folder's checkpoint when there is one), predicts the test subjects and writes
 * {@code predictions.csv} (per step), {@code clip_predictions.csv}, {@code log.txt},
 * {@code history.csv} (per epoch: losses and validation metrics) and the checkpoint into the run folder,
 * with what {@code predict} needs to apply the model to new videos ({@link RunArtifacts}). A
 * {@code classifier:} row goes to {@link ClassicalRowTrainer} after the same selection and normalisation.
 */
final class FoldTrainer {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final ExperimentConfig cfg;
    private final Map<String, List<String>> declaredClasses;
    private final List<AlignedClip> allClips;
    private final PluginConfigs plugins;
    private final Map<String, String> splitOfClip;
    private final Map<String, TrackSlice> slices;
    private final Map<String, Map<String, String>> metadata;

    /** What one run produced. */
    record Outcome(Map<String, Double> metrics, Map<String, Map<String, Double>> groups, Map<String, Map<String, Double>> subjects,
                   Map<String, Double> cost, int testClips, int bestEpoch, int resumedAfterEpoch, double seconds) {
    }

    /**
     * @param declaredClasses the manifest's class lists
     * @param allClips every aligned clip of the experiment (tasks validate labels and find classes here)
     * @param splitOfClip each clip's manifest split (for official-split folds); clips without one are absent
     * @param metadata each clip's manifest metadata (for {@code report.groupBy})
     */
    FoldTrainer(ExperimentConfig cfg, PluginConfigs plugins, Map<String, List<String>> declaredClasses, List<AlignedClip> allClips,
                Map<String, String> splitOfClip, Map<String, TrackSlice> slices, Map<String, Map<String, String>> metadata) {
        this.cfg = cfg;
        this.metadata = Map.copyOf(metadata);
        this.slices = Map.copyOf(slices);
        this.splitOfClip = Map.copyOf(splitOfClip);
        this.plugins = plugins;
        this.declaredClasses = Map.copyOf(declaredClasses);
        this.allClips = List.copyOf(allClips);
    }

    Outcome run(int rowIndex, Fold fold, List<AlignedClip> all, long seed, Path runDir, TrainingListener listener) throws IOException {
        long t0 = System.nanoTime();
        boolean peakReset = PeakMemory.reset();
        ExperimentConfig.RowConfig row = cfg.rows().get(rowIndex);
        List<Modality> modalities = row.modalities().stream().map(Modality::parse).toList();
        IdColumns ids = TrackSlice.idColumns(slices);
        Map<Modality, ConversationLayout> layouts = new java.util.EnumMap<>(Modality.class);
        if (row.context() != null) {
            List<Modality> contextual = ConversationContext.contextual(row.context(), modalities);
            Map<Modality, Integer> ownDims = new java.util.EnumMap<>(Modality.class);
            for (Modality m : contextual) {
                ownDims.put(m, all.get(0).dims().get(m));
            }
            rejectContextOverMultiStepIds(row, all, contextual);
            all = ConversationContext.apply(all, metadata, row.context(), modalities);
            ids = ConversationContext.widen(ids, ownDims, row.context(), contextual);
            ownDims.forEach((m, d) -> layouts.put(m, ConversationContext.layout(d, row.context())));
        }
        List<AlignedClip> train = subset(all, fold, fold.train(), modalities);
        List<AlignedClip> val = subset(all, fold, fold.val(), modalities);
        List<AlignedClip> test = subset(all, fold, fold.test(), modalities);
        AdaptationConfig adaptation = row.adaptationOrDefault();
        List<AlignedClip> adapt = List.of();
        if (cfg.protocol().type().equals(ProtocolConfig.PERSONALISATION)) {
            SubjectAdaptation.Split split = SubjectAdaptation.split(test, cfg.protocol().adaptFraction(), seed);
            adapt = split.adaptation();
            test = split.test();
        }
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("fold " + fold.index() + " has " + train.size() + " training and " + test.size()
                    + " test clips; " + (Fold.SPLIT.equals(fold.unit()) ? "protocol official needs clips with split train and test"
                    + " (and val) in the manifest" : "check the protocol settings"));
        }
        TrackSlice wordIds = modalities.contains(Modality.TEXT) ? slices.get(WordVocabulary.TRACK) : null;
        WordVocabulary vocabulary = wordIds == null ? null : WordVocabulary.fit(train, wordIds, cfg.vocabulary());
        List<AlignedClip> rawTrain = train;
        List<AlignedClip> rawVal = val;
        List<AlignedClip> rawTest = test;
        List<AlignedClip> rawAdapt = adapt;
        if (cfg.normalization().scope().equals("subject")) {
            train = Standardizer.perSubject(train, ids);
            val = Standardizer.perSubject(val, ids);
            test = Standardizer.perSubject(test, ids);
            adapt = Standardizer.perSubject(adapt, ids);
        } else {
            Standardizer scaler = Standardizer.fit(train, ids);
            train = train.stream().map(scaler::apply).toList();
            val = val.stream().map(scaler::apply).toList();
            test = test.stream().map(scaler::apply).toList();
            adapt = adapt.stream().map(scaler::apply).toList();
        }
        if (adaptation.method().equals("target-norm")) {
            // the target's own statistics, from its unlabelled adaptation clips only
            Standardizer target = Standardizer.fit(rawAdapt, ids);
            test = rawTest.stream().map(target::apply).toList();
        }
        if (vocabulary != null) {
            train = train.stream().map(vocabulary::apply).toList();
            val = val.stream().map(vocabulary::apply).toList();
            test = test.stream().map(vocabulary::apply).toList();
            adapt = adapt.stream().map(vocabulary::apply).toList();
            vocabulary.save(runDir.resolve("vocabulary.json"));
        }
        Map<Modality, Integer> dims = new java.util.EnumMap<>(Modality.class);
        Map<Modality, Integer> firstDims = train.get(0).dims();
        modalities.forEach(m -> dims.put(m, firstDims.get(m)));
        TaskSet tasks = TaskSet.create(plugins.tasks(), new TaskContext(declaredClasses, allClips, train));
        if (row.classifier() != null) {
            return ClassicalRowTrainer.run(cfg, plugins, rowIndex, fold, seed, runDir, new ClassicalRowTrainer.Data(modalities, train, val, test,
                    tasks), metadata, t0, peakReset);
        }
        List<TokenInput> tokens = vocabulary == null ? List.of()
                : List.of(vocabulary.tokenInput(dims.get(Modality.TEXT), cfg.vocabulary().embeddingDim()));
        ModelSpec spec = new ModelSpec(modalities, dims, tasks.heads(), tokens, layouts);
        PluginConfigs.FusionChoice fusion = plugins.fusions().get(rowIndex);
        StringBuilder runLog = new StringBuilder();
        runLog.append(String.format(Locale.ROOT, "row=%s fold=%d seed=%d train=%d val=%d test=%d clips; fusion=%s %s; heads=%s%n",
                row.name(), fold.index(), seed, train.size(), val.size(), test.size(), fusion.provider().name(), fusion.config(),
                tasks.heads()));
        RunArtifacts.write(runDir, cfg, rowIndex, fusion, spec, tasks, declaredClasses, ids, rawTrain, rawVal, rawTest);
        List<AlignedClip> source = train;
        List<AlignedClip> valClips = val;
        int lastRound = adaptation.method().equals("self-training") ? adaptation.rounds() : 0;
        SubjectAdaptation.Fit fit = round -> {
            FusionBlock block = fusion.provider().buildUnchecked(fusion.config(), spec.fused());
            // the model that is scored (the last round) is the run's checkpoint, the one predict applies
            Path checkpoint = runDir.resolve(round.number() == lastRound ? "checkpoint" : "checkpoint-self-training-" + round.number());
            return new FusionTrainer().train(spec, block, tasks, round.train(), valClips, plugins.train(), seed, checkpoint, listener);
        };
        if (adaptation.method().equals("self-training")) {
            List<String> unable = SubjectAdaptation.tasksWithoutPseudoLabels(tasks);
            if (!unable.isEmpty()) {
                throw new IllegalArgumentException("rows[" + row.name() + "].adaptation: self-training needs pseudo-labels, which task(s) "
                        + unable + " cannot make; use target-norm or source-only for this row");
            }
            runLog.append("adaptation self-training: ").append(adapt.size()).append(" unlabelled target clips\n");
        } else if (!adapt.isEmpty()) {
            runLog.append("adaptation ").append(adaptation.method()).append(": ").append(adapt.size()).append(" unlabelled target clips\n");
        }
        TrainedModel trained = adaptation.method().equals("self-training")
                ? SubjectAdaptation.selfTrain(fit, tasks, source, adapt, adaptation, runLog)
                : fit.train(new SubjectAdaptation.Round(0, source));
        try (TrainedModel model = trained) {
            Map<String, Double> cost = new java.util.LinkedHashMap<>();
            cost.put("trainSeconds", (System.nanoTime() - t0) / 1e9);
            cost.put("parameters", (double) parameterCount(model));
            Double peak = peakReset ? PeakMemory.peakMiB() : null;
            if (peak != null) {
                cost.put("peakRssMiB", peak);
            }
            List<ClipPrediction> preds = model.predict(test);
            Map<String, Double> metrics = tasks.evaluate(test, preds);
            PredictionFiles.write(runDir, tasks, test, preds);
            if (cfg.robustness() != null) {
                var probe = RobustnessProbe.run(model, test, modalities, cfg.robustness(), seed);
                AtomicFiles.write(runDir.resolve("robustness.json"), JSON.writeValueAsBytes(RobustnessProbe.toJson(probe)));
            }
            model.log().forEach(line -> runLog.append(line).append('\n'));
            runLog.append("best epoch ").append(model.bestEpoch()).append("; test ").append(metrics).append('\n');
            AtomicFiles.writeString(runDir.resolve("log.txt"), runLog.toString());
            TrainingHistory.write(runDir.resolve(TrainingHistory.FILE), model.history());
            Map<String, Map<String, Double>> groups = new java.util.TreeMap<>();
            for (String key : cfg.report().groupBy()) {
                groupMetrics(tasks, test, preds, c -> metadata.getOrDefault(c.clipId(), Map.of()).get(key))
                        .forEach((value, m) -> groups.put(key + "=" + value, m));
            }
            Map<String, Map<String, Double>> subjects = groupMetrics(tasks, test, preds, AlignedClip::subject);
            return new Outcome(metrics, groups, subjects, cost, test.size(), model.bestEpoch(), model.resumedAfterEpoch(), (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Number of trained parameters (scalars) of the whole model, heads and embeddings included. */
    private static long parameterCount(TrainedModel model) {
        long n = 0;
        for (var p : model.block().getParameters()) {
            n += p.getValue().getArray().getShape().size();
        }
        return n;
    }

    /** Metrics on each group of test clips by {@code groupOf} (clips it maps to null are left out), by group value. */
    static Map<String, Map<String, Double>> groupMetrics(TaskSet tasks, List<AlignedClip> test, List<ClipPrediction> preds,
                                                                 java.util.function.Function<AlignedClip, String> groupOf) {
        Map<String, List<Integer>> members = new java.util.TreeMap<>();
        for (int i = 0; i < test.size(); i++) {
            String value = groupOf.apply(test.get(i));
            if (value != null) {
                members.computeIfAbsent(value, v -> new java.util.ArrayList<>()).add(i);
            }
        }
        Map<String, Map<String, Double>> out = new java.util.TreeMap<>();
        for (Map.Entry<String, List<Integer>> g : members.entrySet()) {
            out.put(g.getKey(), tasks.evaluate(g.getValue().stream().map(test::get).toList(), g.getValue().stream().map(preds::get).toList()));
        }
        return out;
    }

    /**
     * A row's context appends each neighbour's mean over its steps: ids (word or word-piece ids) are
     * appended as they are only when every clip has one step, since a mean of ids means nothing.
     */
    private void rejectContextOverMultiStepIds(ExperimentConfig.RowConfig row, List<AlignedClip> clips, List<Modality> contextual) {
        for (Map.Entry<String, TrackSlice> e : new java.util.TreeMap<>(slices).entrySet()) {
            TrackSlice s = e.getValue();
            if (!s.ids() || !contextual.contains(s.modality())) {
                continue;
            }
            for (AlignedClip c : clips) {
                if (c.steps() != 1) {
                    throw new IllegalArgumentException("rows[" + row.name() + "].context: the " + s.modality().key() + " features hold ids ("
                            + e.getKey() + ", read by an embedding inside the model) and clip " + c.clipId() + " has " + c.steps()
                            + " steps; ids can be context only with one row per clip (alignment.rate: 1 and a one-row extractor such as"
                            + " minilm-pieces), so use context with sentence features (e.g. text-minilm) or set context.modalities to the"
                            + " other modalities");
                }
            }
        }
    }

    private List<AlignedClip> subset(List<AlignedClip> all, Fold fold, List<String> members, List<Modality> modalities) {
        Set<String> s = new HashSet<>(members);
        boolean bySplit = Fold.SPLIT.equals(fold.unit());
        return all.stream().filter(c -> s.contains(bySplit ? splitOfClip.get(c.clipId()) : c.subject()))
                .map(c -> Standardizer.select(c, modalities)).toList();
    }
}
