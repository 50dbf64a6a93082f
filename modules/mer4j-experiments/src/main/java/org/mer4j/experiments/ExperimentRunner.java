package org.mer4j.experiments;

import org.mer4j.experiments.robustness.RobustnessTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.AtomicFiles;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestIO;
import org.mer4j.api.Progress;
import org.mer4j.features.ExtractorRegistry;
import org.mer4j.features.Hashing;
import org.mer4j.train.tasks.TaskContext;
import org.mer4j.train.tasks.TaskSet;
import org.mer4j.train.TrainingDivergedException;

/**
 * Turns a resolved config into results: features, subject-independent folds, one immutable run
 * folder per row and fold (reused when an identical finished run exists, so an interrupted
 * experiment resumes), then {@code runs/<experiment>/summary.json} and {@code table.md}.
 */
public final class ExperimentRunner {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path projectDir;
    private final Path runsDir;
    private final Consumer<String> log;
    private final Progress progress;

    /**
     * An experiment runner that reports extraction and training progress as plain lines to {@code log}
     * every 10 seconds.
     *
     * @param projectDir folder that relative config paths resolve against
     * @param runsDir where experiment folders go (usually {@code <projectDir>/runs})
     * @param log progress lines
     */
    public ExperimentRunner(Path projectDir, Path runsDir, Consumer<String> log) {
        this(projectDir, runsDir, log, Progress.lines(log, 10));
    }

    /**
     * @param progress where extraction (clips) and each run's training (epochs) report how far they are,
     *     e.g. a terminal progress bar
     */
    public ExperimentRunner(Path projectDir, Path runsDir, Consumer<String> log, Progress progress) {
        this.projectDir = projectDir;
        this.runsDir = runsDir;
        this.log = log;
        this.progress = progress;
    }

    /**
     * Runs the experiment and returns its summary, holding the experiment folder's lock
     * ({@link ExperimentLock}) throughout.
     */
    public SummaryTable.Summary run(ConfigLoader.Resolved resolved) throws IOException {
        return run(resolved, RunGrid.SEQUENTIAL);
    }

    /**
     * Runs the experiment with {@code grid} training its planned runs (the sequential loop of
     * {@link #run(ConfigLoader.Resolved)}, or e.g. a Spark job), holding the experiment folder's lock
     * throughout: {@link #plan}, then the grid, then {@link #summarise}.
     */
    public SummaryTable.Summary run(ConfigLoader.Resolved resolved, RunGrid grid) throws IOException {
        Path experimentDir = runsDir.resolve(resolved.config().experiment());
        try (ExperimentLock lock = ExperimentLock.acquire(experimentDir)) {
            Plan plan = plan(resolved);
            List<RunResult> results = grid.train(plan, this);
            if (results.size() != plan.runs().size()) {
                throw new IllegalStateException("the run grid returned " + results.size() + " results for " + plan.runs().size() + " planned runs");
            }
            return summarise(plan, results);
        }
    }

    /** Trains the planned runs of an experiment and returns one result per run, in plan order. */
    public interface RunGrid {
        /** One run after the other in this thread, in plan order: what {@link #run(ConfigLoader.Resolved)} does. */
        RunGrid SEQUENTIAL = (plan, runner) -> {
            List<RunResult> results = new ArrayList<>();
            for (PlannedRun r : plan.runs()) {
                results.add(runner.runOne(plan, r));
            }
            return results;
        };

        List<RunResult> train(Plan plan, ExperimentRunner runner) throws IOException;
    }

    /**
     * One planned run (one row x root seed x fold), identified by its folder prefix.
     *
     * @param index position in the plan (0-based); {@code index + 1} of {@code count} in progress lines
     * @param count runs in the plan
     * @param label how log lines name it, e.g. {@code [audio only fold 2]}
     * @param prefix its run folder's name up to the start time ({@link RunFolder#prefix})
     */
    public record PlannedRun(int index, int count, int rowIndex, String row, long rootSeed, Fold fold, long runSeed, String label,
                             String prefix) {
    }

    /**
     * What became of a planned run: its finished folder, or why it failed (it then has no folder).
     *
     * @param folder the finished run folder, or null when the run failed
     * @param failure the failure line of {@code summary.json}'s {@code failedRuns}, or null
     */
    public record RunResult(PlannedRun run, Path folder, String failure) {
    }

    /**
     * Everything the runs of an experiment share, decided before any trains: the data (extracted,
     * aligned), the folds (written to {@code splits.json}), the provenance common to all runs, the
     * run key and the planned runs. Deterministic for one config, code and data: built again on
     * another machine it plans the same runs under the same prefixes.
     */
    public static final class Plan {
        private final ConfigLoader.Resolved resolved;
        private final Path experimentDir;
        private final long startNanos;
        private final FeaturePipeline.Result data;
        private final int folds;
        private final Map<String, Object> provenanceBase;
        private final String configYaml;
        private final FoldTrainer trainer;
        private final List<PlannedRun> runs;

        private Plan(ConfigLoader.Resolved resolved, Path experimentDir, long startNanos, FeaturePipeline.Result data, int folds,
                     Map<String, Object> provenanceBase, String configYaml, FoldTrainer trainer, List<PlannedRun> runs) {
            this.resolved = resolved;
            this.experimentDir = experimentDir;
            this.startNanos = startNanos;
            this.data = data;
            this.folds = folds;
            this.provenanceBase = provenanceBase;
            this.configYaml = configYaml;
            this.trainer = trainer;
            this.runs = List.copyOf(runs);
        }

        /** The planned runs: rows x root seeds x folds, in the order the sequential runner trains them. */
        public List<PlannedRun> runs() {
            return runs;
        }

        /** The experiment folder ({@code runs/<experiment>}). */
        public Path experimentDir() {
            return experimentDir;
        }

        /** The resolved config this plan was made from. */
        public ConfigLoader.Resolved resolved() {
            return resolved;
        }
    }

    /**
     * Plans the experiment: opens the data, extracts (or reuses) and aligns the features, makes and
     * writes the folds, and enumerates the runs. Takes no lock; {@link #run} holds it around this.
     */
    public Plan plan(ConfigLoader.Resolved resolved) throws IOException {
        Path experimentDir = runsDir.resolve(resolved.config().experiment());
        ExperimentConfig cfg = resolved.config();
        long t0 = System.nanoTime();
        DataSource source = DataSource.open(cfg.data(), projectDir, experimentDir);
        Manifest manifest = source.manifest();
        Path manifestFile = source.manifestFile();
        String configYaml = resolved.yaml();
        String configHash = Hashing.sha256(configYaml);
        log.accept("experiment " + cfg.experiment() + " (config " + configHash.substring(0, 8) + ", seed " + cfg.seed() + "): "
                + manifest.clips().size() + " clips from " + manifestFile);
        String mkl = cfg.runtime().mismatch(System.getenv("MKL_CBWR"));
        if (mkl != null) {
            log.accept("warning: " + mkl);
        }

        // every task checks every clip's labels now, before extraction: a bad label fails in seconds
        List<AlignedClip> labelled = manifest.clips().stream().map(ExperimentRunner::labelsOnly).toList();
        TaskSet.create(resolved.plugins().tasks(), new TaskContext(manifest.classes(), labelled, labelled));

        FeaturePipeline.Result data = FeaturePipeline.run(cfg, resolved.plugins().extractors(), manifest, projectDir, log, progress);
        if (data.clips().isEmpty()) {
            throw new IllegalStateException("no clip survived extraction (" + data.skipped().size() + " skipped); see the messages above");
        }
        List<String> subjects = data.clips().stream().map(AlignedClip::subject).distinct().toList();
        long splitSeed = new SplittableRandom(cfg.seed()).split().nextLong();
        Map<String, Map<String, String>> metadata = new java.util.HashMap<>();
        manifest.clips().forEach(c -> metadata.put(c.id(), c.metadata()));
        List<Fold> folds;
        CrossCorpus.Target target = null;
        if (cfg.protocol().type().equals(ProtocolConfig.CROSS_CORPUS)) {
            target = CrossCorpus.load(cfg, resolved.plugins().extractors(), projectDir, experimentDir, log, progress);
            List<String> targetSubjects = target.data().clips().stream().map(AlignedClip::subject).distinct().toList();
            if (targetSubjects.isEmpty()) {
                throw new IllegalStateException("no clip of the cross-corpus target survived extraction; see the messages above");
            }
            folds = List.of(CrossCorpus.fold(subjects, targetSubjects, cfg.protocol().valFraction(), splitSeed));
            List<AlignedClip> both = new ArrayList<>(labelled);
            both.addAll(target.labelled());
            labelled = both;
            // the target's labels must be classes of the source's tasks (after protocol.target.emotionMap)
            TaskSet.create(resolved.plugins().tasks(), new TaskContext(manifest.classes(), labelled, labelled));
            data = data.plus(target.data());
            metadata.putAll(target.metadata());
        } else {
            folds = SubjectSplits.folds(cfg.protocol(), subjects, groupOfSubject(manifest, cfg.protocol()), splitSeed);
        }
        // fixed key order: splits.json and its sha256 in provenance are the same on every run
        Map<String, Object> splits = new LinkedHashMap<>();
        splits.put("protocol", cfg.protocol());
        splits.put("seed", splitSeed);
        splits.put("folds", folds);
        String splitsJson = JSON.writeValueAsString(splits);
        AtomicFiles.writeString(experimentDir.resolve("splits.json"), splitsJson);

        Map<String, Object> provenanceBase = new LinkedHashMap<>();
        provenanceBase.put("experiment", cfg.experiment());
        provenanceBase.put("configSha256", configHash);
        provenanceBase.put("configSource", resolved.source().toString());
        provenanceBase.put("rootSeed", cfg.seed());
        provenanceBase.put("splitSeed", splitSeed);
        provenanceBase.put("data", source.describe());
        if (target != null) {
            provenanceBase.put("crossCorpusTarget", target.describe(cfg.protocol().target()));
        }
        provenanceBase.put("manifest", manifestFile.toString());
        provenanceBase.put("manifestSha256", Hashing.sha256(manifestFile));
        provenanceBase.put("splitsSha256", Hashing.sha256(splitsJson));
        String dataSha256 = RunReuseKey.dataDigest(data.clips(), metadata);
        provenanceBase.put("dataSha256", dataSha256);
        provenanceBase.put("clipsTotal", manifest.clips().size() + (target == null ? 0 : target.clipsTotal()));
        provenanceBase.put("clipsUsed", data.clips().size());
        provenanceBase.put("skippedByReason", countByReason(data));
        provenanceBase.put("skipped", data.skipped());
        provenanceBase.put("environment", Provenance.environment(projectDir));
        Map<String, Object> threads = Provenance.threads();
        provenanceBase.put("threads", threads);

        Map<String, String> splitOfClip = new java.util.HashMap<>();
        manifest.clips().stream().filter(c -> c.split() != null).forEach(c -> splitOfClip.put(c.id(), c.split()));
        // a finished run is reused only when everything that decides its result is unchanged (RunReuseKey)
        Object git = ((Map<?, ?>) provenanceBase.get("environment")).get("git");
        Object commit = git instanceof Map<?, ?> g ? g.get("commit") : null;
        List<Class<?>> plugins = resolved.plugins().classesInUse(cfg);
        provenanceBase.put("plugins", PluginJars.describe(plugins));
        String runKey = RunReuseKey.of(configYaml, commit, threads, splitsJson, dataSha256, plugins);
        provenanceBase.put("runKey", runKey);
        FoldTrainer trainer = new FoldTrainer(cfg, resolved.plugins(), manifest.classes(), labelled, splitOfClip, data.slices(), metadata);
        int runCount = cfg.rows().size() * cfg.seeds().size() * folds.size();
        List<PlannedRun> runs = new ArrayList<>();
        for (int rowIndex = 0; rowIndex < cfg.rows().size(); rowIndex++) {
            ExperimentConfig.RowConfig row = cfg.rows().get(rowIndex);
            for (long rootSeed : cfg.seeds()) {
                for (Fold fold : folds) {
                    long runSeed = runSeed(rootSeed, fold.index());
                    String label = "[" + row.name() + " fold " + fold.index() + (cfg.seeds().size() > 1 ? " seed " + rootSeed : "") + "]";
                    String prefix = RunFolder.prefix(row.name(), fold.index(), runKey, runSeed);
                    runs.add(new PlannedRun(runs.size(), runCount, rowIndex, row.name(), rootSeed, fold, runSeed, label, prefix));
                }
            }
        }
        return new Plan(resolved, experimentDir, t0, data, folds.size(), provenanceBase, configYaml, trainer, runs);
    }

    /**
     * Trains one planned run into its run folder, or reuses the finished folder of an identical earlier
     * run; a run that diverges is recorded ({@code failed.txt} in its unfinished folder) and returned as
     * failed. Runs of one plan may train at once in different processes: each has its own folder.
     *
     * @throws RunsFolderException when the run folder cannot be written
     * @throws IOException when the experiment folder cannot be listed
     */
    public RunResult runOne(Plan plan, PlannedRun run) throws IOException {
        ConfigLoader.Resolved resolved = plan.resolved;
        Path experimentDir = plan.experimentDir;
        String label = run.label();
        String prefix = run.prefix();
        var finished = RunFolder.findFinished(experimentDir, prefix);
        if (finished.isPresent()) {
            log.accept(label + " finished earlier: " + experimentDir.relativize(finished.get()));
            return new RunResult(run, finished.get(), null);
        }
        try {
            Path tmp = RunFolder.startOrResume(experimentDir, prefix);
            AtomicFiles.writeString(tmp.resolve("config.resolved.yaml"), plan.configYaml);
            Map<String, Object> prov = new LinkedHashMap<>(plan.provenanceBase);
            prov.put("row", run.row());
            prov.put("fold", run.fold());
            prov.put("seed", run.rootSeed());
            prov.put("runSeed", run.runSeed());
            FoldTrainer.Outcome outcome;
            String task = "train " + label.substring(1, label.length() - 1) + " (run " + (run.index() + 1) + "/" + run.count() + ")";
            try (Progress.Meter meter = progress.start(task, resolved.plugins().train().epochs(), "epochs")) {
                outcome = plan.trainer.run(run.rowIndex(), run.fold(), plan.data.clips(), run.runSeed(), tmp,
                        (epoch, loss, val, seconds) -> meter.step());
            } catch (TrainingDivergedException e) {
                // one diverged run must not end the experiment: record it, leave its folder unfinished
                // (a rerun retries it) and go on with the others
                String what = label + " failed: " + e.getMessage();
                AtomicFiles.writeString(tmp.resolve("failed.txt"), what + "\n");
                log.accept(what + " (left in " + experimentDir.relativize(tmp) + ")");
                return new RunResult(run, null, what);
            }
            prov.put("trainSeconds", outcome.seconds());
            prov.put("bestEpoch", outcome.bestEpoch());
            prov.put("resumedAfterEpoch", outcome.resumedAfterEpoch());
            AtomicFiles.write(tmp.resolve("provenance.json"), JSON.writeValueAsBytes(prov));
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("row", run.row());
            metrics.put("fold", run.fold().index());
            metrics.put("seed", run.rootSeed());
            metrics.put("testClips", outcome.testClips());
            metrics.put("metrics", outcome.metrics());
            if (!outcome.groups().isEmpty()) {
                metrics.put("groups", outcome.groups());
            }
            metrics.put("subjects", outcome.subjects());
            metrics.put("cost", outcome.cost());
            AtomicFiles.write(tmp.resolve("metrics.json"), JSON.writeValueAsBytes(metrics));
            Path done = RunFolder.finish(tmp, experimentDir, prefix);
            log.accept(String.format("%s %s  (%.1f s%s) -> %s", label,
                    brief(outcome.metrics(), resolved.plugins().reportMetrics()), outcome.seconds(),
                    outcome.resumedAfterEpoch() > 0 ? ", resumed after epoch " + outcome.resumedAfterEpoch() : "",
                    experimentDir.relativize(done)));
            return new RunResult(run, done, null);
        } catch (IOException e) {
            throw new RunsFolderException(experimentDir, e);
        }
    }

    /**
     * Builds {@code summary.json}, {@code table.md} and the group and robustness tables from the runs'
     * results (one per planned run, in plan order), after removing unfinished folders of runs no longer
     * planned.
     */
    public SummaryTable.Summary summarise(Plan plan, List<RunResult> results) throws IOException {
        ExperimentConfig cfg = plan.resolved.config();
        Path experimentDir = plan.experimentDir;
        FeaturePipeline.Result data = plan.data;
        Map<String, List<Path>> rowRuns = new LinkedHashMap<>();
        Map<String, List<String>> rowModalities = new LinkedHashMap<>();
        List<String> failedRuns = new ArrayList<>();
        java.util.Set<String> planned = new java.util.HashSet<>();
        plan.runs.forEach(r -> planned.add(r.prefix()));
        for (ExperimentConfig.RowConfig row : cfg.rows()) {
            rowModalities.put(row.name(), row.modalities());
            rowRuns.put(row.name(), new ArrayList<>());
        }
        for (RunResult r : results) {
            if (r.failure() != null) {
                failedRuns.add(r.failure());
            } else {
                rowRuns.get(r.run().row()).add(r.folder());
            }
        }
        ConfigLoader.Resolved resolved = plan.resolved;
        int folds = plan.folds;
        long t0 = plan.startNanos;
        int stale = RunFolder.removeStale(experimentDir, planned);
        if (stale > 0) {
            log.accept("removed " + stale + " unfinished run folder(s) of an earlier config or code version (.running-*)");
        }
        List<String> metrics = resolved.plugins().reportMetrics();
        SummaryTable.Summary summary = SummaryTable.build(cfg.experiment(), experimentDir, rowModalities, rowRuns, metrics, failedRuns,
                cfg.report().reference());
        SummaryTable.write(summary, experimentDir, metrics, foldsNote(cfg.protocol(), folds));
        for (String key : cfg.report().groupBy()) {
            GroupTable.write(experimentDir, key, rowRuns, metrics);
        }
        if (cfg.robustness() != null) {
            List<String> probed = cfg.robustness().metrics().isEmpty() ? metrics : cfg.robustness().metrics();
            int cells = RobustnessTable.write(experimentDir, rowRuns, probed);
            log.accept("robustness: " + cells + " cells -> " + experimentDir.resolve("robustness.md") + ", robustness.html");
        }
        log.accept(String.format("experiment %s done in %.1f s; %d clips skipped %s; %d runs failed", cfg.experiment(),
                (System.nanoTime() - t0) / 1e9, data.skipped().size(), countByReason(data), failedRuns.size()));
        return summary;
    }

    /** The seed of every run of a fold: the same for all rows, so rows differ only in what they model. */
    static long runSeed(long rootSeed, int fold) {
        SplittableRandom root = new SplittableRandom(rootSeed);
        root.split();
        long s = 0;
        for (int i = 0; i <= fold; i++) {
            s = root.split().nextLong(1, Integer.MAX_VALUE);
        }
        return s;
    }

    private static Map<String, Integer> countByReason(FeaturePipeline.Result data) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        data.skipped().forEach(s -> counts.merge(s.reason(), 1, Integer::sum));
        return counts;
    }

    private static String foldsNote(ProtocolConfig protocol, int folds) {
        return switch (protocol.type()) {
            case "official" -> "the corpus's official train/val/test split (one run per row)";
            case "loso" -> folds + " leave-one-subject-out folds";
            case ProtocolConfig.PERSONALISATION -> folds + " target subjects (personalisation: each adapted with "
                    + Math.round(100 * protocol.adaptFraction()) + "% of its clips unlabelled, scored on the rest)";
            case ProtocolConfig.GROUP_OUT -> folds + " leave-one-" + protocol.groupBy() + "-out folds";
            case ProtocolConfig.CROSS_CORPUS -> "one cross-corpus fold (tested on " + protocol.target().name() + ")";
            default -> folds + " subject-independent folds";
        };
    }

    /** A clip with its labels only (one step, no features): what tasks need to check labels before extraction. */
    static AlignedClip labelsOnly(org.mer4j.api.Clip clip) {
        return new AlignedClip(clip.id(), clip.subject(), 1, 1, Map.of(), Map.of(), Map.of(), clip.labels());
    }

    private String brief(Map<String, Double> m, List<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            if (m.containsKey(k)) {
                sb.append(k.replace("emotion_", "emo_")).append('=').append(String.format(java.util.Locale.ROOT, "%.3f", m.get(k))).append(' ');
            }
        }
        return sb.toString().strip();
    }

    /** Each subject's {@code protocol.groupBy} value (group-out); empty for other protocols. */
    private static Map<String, String> groupOfSubject(Manifest manifest, ProtocolConfig protocol) {
        if (!protocol.type().equals(ProtocolConfig.GROUP_OUT)) {
            return Map.of();
        }
        Map<String, String> out = new java.util.HashMap<>();
        for (var c : manifest.clips()) {
            String g = c.metadata().get(protocol.groupBy());
            String before = g == null ? null : out.putIfAbsent(c.subject(), g);
            if (before != null && !before.equals(g)) {
                throw new IllegalArgumentException("protocol group-out: subject " + c.subject() + " has clips in " + protocol.groupBy() + " '"
                        + before + "' and '" + g + "' (clip " + c.id() + "); a group must hold whole subjects");
            }
        }
        return out;
    }
}
