package org.mer4j.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.Manifest;
import org.mer4j.api.Modality;
import org.mer4j.features.SkippedClip;
import org.mer4j.features.IdColumns;
import org.mer4j.features.Standardizer;
import org.mer4j.models.FusionBlock;
import org.mer4j.models.ModelSpec;
import org.mer4j.train.ClipPrediction;
import org.mer4j.train.FusionTrainer;
import org.mer4j.train.TrainedModel;
import org.mer4j.train.tasks.EncodedLabels;
import org.mer4j.train.tasks.Task;
import org.mer4j.train.tasks.TaskContext;
import org.mer4j.train.tasks.TaskPrediction;
import org.mer4j.train.tasks.TaskSet;

/**
 * Applies the model of one finished run folder to new videos, exactly as the run scored its own
 * test clips: the run's extractors, decode settings and timeline from its {@code config.resolved.yaml}
 * ({@link FeaturePipeline}, the experiment runner's own code), the normalisation statistics of
 * {@link RunArtifacts#STANDARDIZER}, the fold's word vocabulary, the model spec, class lists and
 * fusion settings of {@link RunArtifacts#MODEL}, and the parameters of the best epoch
 * ({@code checkpoint/best.params}). A test clip of the run given as a video gets the probabilities its
 * {@code predictions.csv} and {@code clip_predictions.csv} hold.
 *
 * <p>Normalisation: a run with {@code normalization.scope: global} applies its training statistics.
 * A run with {@code scope: subject} (speaker normalisation) z-scored every subject with that subject's
 * own clips; a new speaker has no such statistics, so each video is z-scored with its <em>own</em>
 * statistics and the output says so ({@link Result#normalization()}); a speaker of the run can be named
 * ({@code subject}) to use the statistics the run saved for them.
 *
 * <p>A video that cannot be processed (undecodable, no audio stream where the config extracts audio,
 * a broken transcript) is listed in {@link Result#failures()} with its reason; the others are predicted.
 */
public final class RunPredictor {
    /** Subject id given to videos of a speaker the run does not know. */
    public static final String NEW_SPEAKER = "new-speaker";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUIRED = List.of("config.resolved.yaml", "provenance.json", "metrics.json",
            "checkpoint/" + FusionTrainer.BEST_PARAMS);

    private final Path runDir;
    private final ConfigLoader.Resolved resolved;
    private final RunArtifacts.ModelFile model;
    private final RunArtifacts.StandardizerFile stats;
    private final JsonNode provenance;
    private final List<String> warnings = new ArrayList<>();

    /**
     * One video to predict.
     *
     * @param video the video file (its audio track is used unless {@code audio} is given)
     * @param audio a separate audio file of the same take, or null
     * @param transcript a timed transcript (any format mer4j reads), or null
     */
    public record Input(Path video, Path audio, Path transcript) {
        public Input {
            if (video == null) {
                throw new IllegalArgumentException("predict: give a video file");
            }
        }
    }

    /**
     * Named values: {@code cells} as the run's CSV files format them, {@code values} with full
     * precision (Float, Double or String), one row per step or a single row.
     */
    public record Table(List<String> columns, List<List<String>> cells, List<List<Object>> values) {
    }

    /**
     * The model's output for one video.
     *
     * @param input the files
     * @param clipId the id given to it (from the file name; also the name of its output files)
     * @param rate timeline rate in Hz (step {@code i} starts at {@code i / rate} s)
     * @param steps timeline steps
     * @param frames per step: {@code step}, {@code time_s}, then every step-level prediction column of the tasks
     *     (e.g. {@code ah_prob}, {@code inconsistency_prob})
     * @param clip one row: every clip-level prediction column (e.g. {@code ah_video_prob},
     *     {@code inconsistency_clip_prob}, {@code emotion_pred}, {@code emotion_p_<class>})
     * @param notes what the model could not see (a modality without a valid step, no transcript)
     */
    public record VideoPrediction(Input input, String clipId, double rate, int steps, Table frames, Table clip, List<String> notes) {
    }

    /**
     * A video that could not be predicted.
     *
     * @param reason the skip reason (e.g. {@code unreadable-media}, {@code no-audio-stream})
     * @param message what happened and what to do
     */
    public record Failure(Input input, String reason, String message) {
    }

    /**
     * What a call predicted.
     *
     * @param run the run folder
     * @param experiment its experiment
     * @param row its row
     * @param fold its fold index, or -1 when provenance does not say
     * @param normalization how the features were normalised, in words
     * @param videos the predicted videos, in input order
     * @param failures the videos that could not be predicted, in input order
     * @param warnings anything that may make the output differ from the run's own predictions
     */
    public record Result(Path run, String experiment, String row, int fold, String normalization, List<VideoPrediction> videos,
                         List<Failure> failures, List<String> warnings) {
    }

    private RunPredictor(Path runDir, ConfigLoader.Resolved resolved, RunArtifacts.ModelFile model, RunArtifacts.StandardizerFile stats,
                         JsonNode provenance) {
        this.runDir = runDir;
        this.resolved = resolved;
        this.model = model;
        this.stats = stats;
        this.provenance = provenance;
    }

    /**
     * Opens a finished run folder and checks that it holds everything {@link #predict} needs.
     *
     * @throws IllegalArgumentException naming the folder, what is missing and what to do
     * @throws IOException when a file cannot be read
     */
    public static RunPredictor open(Path runDir) throws IOException {
        Path dir = runDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("run folder " + dir + (Files.exists(dir) ? " is not a folder" : " does not exist")
                    + "; give a finished run folder, e.g. runs/quickstart/early-fusion-f0-<key>-s<seed>-<time>");
        }
        List<String> missing = REQUIRED.stream().filter(f -> !Files.isRegularFile(dir.resolve(f))).toList();
        if (dir.getFileName().toString().startsWith(".running-") || missing.contains("metrics.json")) {
            throw new IllegalArgumentException("run folder " + dir + " is not a finished run (no metrics.json): it is still training or was"
                    + " interrupted; rerun its experiment to finish it, or give a finished run folder");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("run folder " + dir + " is incomplete: " + String.join(", ", missing) + " missing; give a"
                    + " complete run folder (it holds config.resolved.yaml, provenance.json, metrics.json and checkpoint/best.params)");
        }
        List<String> artifacts = new ArrayList<>();
        for (String f : List.of(RunArtifacts.STANDARDIZER, RunArtifacts.MODEL)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                artifacts.add(f);
            }
        }
        if (!artifacts.isEmpty()) {
            throw new IllegalArgumentException("run folder " + dir + " has no " + String.join(" and no ", artifacts) + ": it was trained by a"
                    + " mer4j version that did not save the normalisation statistics and the model description predict needs;"
                    + " retrain it with this version (tools/mer4j run <its config>; finished runs of an older commit are not reused)");
        }
        JsonNode provenance = JSON.readTree(dir.resolve("provenance.json").toFile());
        ConfigLoader.Resolved resolved;
        try {
            resolved = ConfigLoader.load(dir.resolve("config.resolved.yaml"), List.of());
        } catch (RuntimeException e) {
            JsonNode plugins = provenance.path("plugins");
            throw new IllegalArgumentException("cannot rebuild the run's config " + dir.resolve("config.resolved.yaml") + ": " + e.getMessage()
                    + (plugins.isArray() && !plugins.isEmpty() ? "; the run used plug-ins " + plugins + ": put their jars on the class path"
                    + " (tools/mer4j --plugins DIR predict ...)" : ""), e);
        }
        RunArtifacts.ModelFile model = RunArtifacts.readModel(dir);
        RunArtifacts.StandardizerFile stats = RunArtifacts.readStandardizer(dir);
        if (!model.tokens().isEmpty() && !Files.isRegularFile(dir.resolve(RunArtifacts.VOCABULARY))) {
            throw new IllegalArgumentException("run folder " + dir + " is incomplete: its model embeds words but "
                    + RunArtifacts.VOCABULARY + " is missing; give a complete run folder");
        }
        ExperimentConfig cfg = resolved.config();
        if (model.rowIndex() < 0 || model.rowIndex() >= cfg.rows().size() || !cfg.rows().get(model.rowIndex()).name().equals(model.row())) {
            throw new IllegalArgumentException(dir.resolve(RunArtifacts.MODEL) + ": row " + model.rowIndex() + " '" + model.row()
                    + "' is not a row of config.resolved.yaml; the folder's files do not belong together: retrain the run");
        }
        if (cfg.rows().get(model.rowIndex()).context() != null) {
            throw new IllegalArgumentException("run folder " + dir + ": row '" + model.row() + "' reads the neighbouring utterances of each"
                    + " clip's conversation (rows[].context), which predict, scoring videos one at a time, does not have; predict with a"
                    + " row without context");
        }
        RunPredictor p = new RunPredictor(dir, resolved, model, stats, provenance);
        p.checkPluginJars();
        return p;
    }

    /** The run folder. */
    public Path runDir() {
        return runDir;
    }

    /** The run's resolved config. */
    public ExperimentConfig config() {
        return resolved.config();
    }

    /** The row's modalities, in model input order. */
    public List<Modality> modalities() {
        return model.modalities().stream().map(Modality::parse).toList();
    }

    /**
     * Extracts, normalises and predicts {@code inputs}.
     *
     * @param subject a subject of the run whose saved statistics normalise the videos (only for
     *     {@code normalization.scope: subject}), or null for a new speaker
     * @param projectDir folder that relative paths of the run's config resolve against
     * @param cacheDir the feature cache to use (null: the config's {@code features.cacheDir} under {@code projectDir})
     * @param log progress lines
     * @throws IllegalArgumentException for a missing input file, an unknown subject, or a run this version cannot rebuild
     */
    public Result predict(List<Input> inputs, String subject, Path projectDir, Path cacheDir, Consumer<String> log) throws IOException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("predict: give at least one video");
        }
        ExperimentConfig cfg = resolved.config();
        Normalisation norm = normalisation(subject);
        List<Clip> clips = new ArrayList<>();
        Map<String, Input> inputOf = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (Input in : inputs) {
            Path video = existing(in.video(), "video");
            Path audio = in.audio() == null ? null : existing(in.audio(), "audio");
            Path transcript = in.transcript() == null ? null : existing(in.transcript(), "transcript");
            String id = clipId(video, ids);
            clips.add(new Clip(id, norm.subject(), video.toString(), audio == null ? null : audio.toString(),
                    transcript == null ? null : transcript.toString(), ClipLabels.none(), null));
            inputOf.put(id, new Input(video, audio, transcript));
        }
        Manifest manifest = new Manifest("predict", Path.of("/"), clips, model.classes(), true);
        ExperimentConfig run = withCacheDir(cfg, cacheDir == null ? projectDir.resolve(cfg.features().cacheDir()) : cacheDir);
        FeaturePipeline.Result data = FeaturePipeline.run(run, resolved.plugins().extractors(), manifest, projectDir, log);

        ModelSpec spec = model.spec();
        List<Modality> modalities = modalities();
        WordVocabulary vocabulary = null;
        if (!spec.tokens().isEmpty() && !data.clips().isEmpty()) {
            TrackSlice slice = data.slices().get(WordVocabulary.TRACK);
            if (slice == null) {
                throw new IllegalStateException("the run's model embeds words but its config extracts no " + WordVocabulary.TRACK + " track;"
                        + " the folder's files do not belong together: retrain the run");
            }
            vocabulary = WordVocabulary.load(runDir.resolve(RunArtifacts.VOCABULARY), slice);
        }
        java.util.function.UnaryOperator<AlignedClip> scaler = norm.scaler(data.idColumns());
        List<AlignedClip> ready = new ArrayList<>();
        Map<String, List<String>> notes = new HashMap<>();
        for (AlignedClip c : data.clips()) {
            AlignedClip raw = Standardizer.select(c, modalities);
            checkDims(raw.dims(), model.featureDims(), "featureDims", c.clipId());
            AlignedClip x = scaler.apply(raw);
            if (vocabulary != null) {
                x = vocabulary.apply(x);
            }
            checkDims(x.dims(), model.inputDims(), "inputDims", c.clipId());
            ready.add(x);
            notes.put(c.clipId(), notes(raw, inputOf.get(c.clipId()), cfg));
        }
        TaskSet tasks = tasks();
        List<ClipPrediction> preds = ready.isEmpty() ? List.of() : predictClips(spec, tasks, ready);
        List<VideoPrediction> videos = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            AlignedClip c = ready.get(i);
            videos.add(new VideoPrediction(inputOf.get(c.clipId()), c.clipId(), c.rate(), c.steps(), frames(tasks, c, preds.get(i)),
                    clipTable(tasks, c, preds.get(i)), notes.get(c.clipId())));
        }
        List<Failure> failures = new ArrayList<>();
        for (SkippedClip s : data.skipped()) {
            String hint = org.mer4j.media.MediaFailures.NO_AUDIO.equals(s.reason()) ? "; to predict it, give the take's audio file"
                    + " with --audio FILE (the run's config extracts audio features)" : "";
            failures.add(new Failure(inputOf.get(s.clipId()), s.reason(), s.message() + hint));
        }
        return new Result(runDir, cfg.experiment(), model.row(), provenance.path("fold").path("index").asInt(-1), norm.description(),
                videos, failures, List.copyOf(warnings));
    }

    private List<ClipPrediction> predictClips(ModelSpec spec, TaskSet tasks, List<AlignedClip> clips) throws IOException {
        PluginConfigs.FusionChoice fusion = resolved.plugins().fusions().get(model.rowIndex());
        if (!fusion.provider().name().equals(model.fusion())) {
            throw new IllegalStateException(runDir.resolve(RunArtifacts.MODEL) + ": the row was trained with fusion '" + model.fusion()
                    + "' but its config now resolves to '" + fusion.provider().name() + "'; the folder's files do not belong together");
        }
        JsonNode settings = RunArtifacts.settings(fusion.config());
        if (model.fusionSettings() != null && !settings.equals(model.fusionSettings())) {
            throw new IllegalStateException("fusion '" + model.fusion() + "': this mer4j version resolves the row's settings to " + settings
                    + ", the run was trained with " + model.fusionSettings() + " (" + runDir.resolve(RunArtifacts.MODEL) + "); a default"
                    + " changed since training: retrain the run with this version");
        }
        FusionBlock block = fusion.provider().buildUnchecked(fusion.config(), spec.fused());
        try (TrainedModel trained = TrainedModel.load(spec, block, tasks, runDir.resolve("checkpoint").resolve(FusionTrainer.BEST_PARAMS))) {
            return trained.predict(clips);
        }
    }

    /** The run's tasks, rebuilt with the class lists of model.json; their heads must be the trained ones. */
    private TaskSet tasks() {
        TaskSet tasks = TaskSet.create(resolved.plugins().tasks(), new TaskContext(model.classes(), List.of(), List.of()));
        if (!tasks.heads().equals(model.heads())) {
            throw new IllegalStateException("the run's tasks rebuild with the heads " + tasks.heads() + ", the model was trained with "
                    + model.heads() + " (" + runDir.resolve(RunArtifacts.MODEL) + "); a task's classes or settings changed since training:"
                    + " retrain the run with this version");
        }
        return tasks;
    }

    /**
     * How the videos are normalised, and the subject id they get: with the statistics the run saved
     * ({@code fixed}, from {@code file}), or with each video's own (null).
     */
    private record Normalisation(String subject, Map<String, RunArtifacts.Stats> fixed, Path file, String description) {
        /** The normalisation of one clip; {@code ids} (the clips' id columns) pass through. */
        java.util.function.UnaryOperator<AlignedClip> scaler(IdColumns ids) throws IOException {
            if (fixed == null) {
                return raw -> Standardizer.fit(List.of(raw), ids).apply(raw);
            }
            Standardizer saved = RunArtifacts.standardizer(fixed, ids, file);
            return saved::apply;
        }
    }

    private Normalisation normalisation(String subject) throws IOException {
        Path file = runDir.resolve(RunArtifacts.STANDARDIZER);
        if (!"subject".equals(stats.scope())) {
            if (subject != null) {
                throw new IllegalArgumentException("--subject " + subject + ": the run normalised every clip with its training statistics"
                        + " (normalization.scope " + stats.scope() + "), not per subject; leave --subject out");
            }
            return new Normalisation(NEW_SPEAKER, stats.statistics(), file,
                    "normalization.scope " + stats.scope() + ": the run's training statistics (" + RunArtifacts.STANDARDIZER + "), as in training");
        }
        if (subject == null) {
            return new Normalisation(NEW_SPEAKER, null, file, "normalization.scope subject (speaker normalisation) and an unknown speaker: each"
                    + " video is z-scored with its own statistics, not with a speaker's several clips as in training; name a speaker of the"
                    + " run with --subject to use the statistics the run saved for them");
        }
        Set<String> known = new java.util.TreeSet<>();
        for (String part : List.of("test", "val", "train")) {
            Map<String, Map<String, RunArtifacts.Stats>> bySubject = stats.subjects().getOrDefault(part, Map.of());
            known.addAll(bySubject.keySet());
            if (bySubject.containsKey(subject)) {
                return new Normalisation(subject, bySubject.get(subject), file, "normalization.scope subject:"
                        + " the statistics of subject " + subject + " over the run's " + part + " clips (" + RunArtifacts.STANDARDIZER
                        + "), as in training");
            }
        }
        throw new IllegalArgumentException("--subject " + subject + ": not a subject of this run; its subjects are " + known);
    }

    private void checkPluginJars() throws IOException {
        JsonNode recorded = provenance.path("plugins");
        if (!recorded.isArray() || recorded.isEmpty()) {
            return;
        }
        Map<String, String> now = new HashMap<>();
        for (Map<String, String> p : PluginJars.describe(resolved.plugins().classesInUse(resolved.config()))) {
            now.put(p.get("provider"), p.get("sha256"));
        }
        for (JsonNode p : recorded) {
            String provider = p.path("provider").asText();
            String sha = now.get(provider);
            if (sha != null && !sha.equals(p.path("sha256").asText())) {
                warnings.add("plug-in " + provider + " comes from a jar with sha256 " + sha + ", the run was trained with "
                        + p.path("jar").asText() + " (sha256 " + p.path("sha256").asText() + "); its predictions may differ from the run's");
            }
        }
    }

    private static void checkDims(Map<Modality, Integer> dims, Map<String, Integer> expected, String field, String clipId) {
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            Integer d = dims.get(Modality.parse(e.getKey()));
            if (!e.getValue().equals(d)) {
                throw new IllegalStateException("video " + clipId + ": the run's model reads " + e.getValue() + " " + e.getKey()
                        + " features per step (model.json " + field + "), the run's own extractors give " + d + " now; the extractor code"
                        + " changed since training: retrain the run with this version");
            }
        }
    }

    private static List<String> notes(AlignedClip raw, Input in, ExperimentConfig cfg) {
        List<String> out = new ArrayList<>();
        for (Modality m : raw.masks().keySet().stream().sorted().toList()) {
            boolean any = false;
            for (boolean b : raw.masks().get(m)) {
                any |= b;
            }
            if (!any) {
                out.add("no valid " + m.key() + " step (" + switch (m) {
                    case VIDEO -> "no face found";
                    case AUDIO -> "no usable audio";
                    case TEXT -> in.transcript() == null && cfg.features().asr() == null
                            ? "no transcript: give one with --transcript, or configure features.asr" : "no words";
                } + "): the model saw this modality as absent");
            }
        }
        return out;
    }

    private static Table frames(TaskSet tasks, AlignedClip c, ClipPrediction p) {
        List<String> columns = new ArrayList<>(List.of("step", "time_s"));
        for (Task t : tasks.tasks()) {
            columns.addAll(predictionColumns(t.stepColumns()));
        }
        EncodedLabels[] labels = tasks.labels(c);
        List<List<String>> cells = new ArrayList<>();
        List<List<Object>> values = new ArrayList<>();
        for (int s = 0; s < c.steps(); s++) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(s), String.format(Locale.ROOT, "%.3f", s / c.rate())));
            List<Object> vals = new ArrayList<>(List.of(s, s / c.rate()));
            for (int k = 0; k < tasks.tasks().size(); k++) {
                Task t = tasks.tasks().get(k);
                TaskPrediction tp = p.task(t.name());
                int units = c.steps() == 0 ? 0 : tp.step().length / c.steps();
                float[] own = java.util.Arrays.copyOfRange(tp.step(), s * units, (s + 1) * units);
                addPredictionCells(t.stepColumns(), t.stepCells(labels[k], tp, s), own, row, vals);
            }
            cells.add(row);
            values.add(vals);
        }
        return new Table(columns, cells, values);
    }

    private static Table clipTable(TaskSet tasks, AlignedClip c, ClipPrediction p) {
        List<String> columns = new ArrayList<>();
        List<String> row = new ArrayList<>();
        List<Object> vals = new ArrayList<>();
        EncodedLabels[] labels = tasks.labels(c);
        for (int k = 0; k < tasks.tasks().size(); k++) {
            Task t = tasks.tasks().get(k);
            columns.addAll(predictionColumns(t.clipColumns()));
            TaskPrediction tp = p.task(t.name());
            addPredictionCells(t.clipColumns(), t.clipCells(labels[k], tp), tp.clip(), row, vals);
        }
        return new Table(columns, List.of(row), List.of(vals));
    }

    /** A task's columns without its truth columns ({@code *_true}, empty for a video without labels). */
    private static List<String> predictionColumns(List<String> columns) {
        return columns.stream().filter(col -> !col.endsWith("_true")).toList();
    }

    /**
     * Appends a task's prediction cells (its truth cells left out) to {@code row}, and their values to
     * {@code vals}: the numeric cells, in order, are the task's prediction values, taken at full
     * precision where they agree with the cell; other cells (a predicted class) stay text.
     */
    private static void addPredictionCells(List<String> columns, List<String> cells, float[] own, List<String> row, List<Object> vals) {
        int next = 0;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).endsWith("_true")) {
                continue;
            }
            String cell = cells.get(i);
            row.add(cell);
            Object value = cell;
            try {
                double parsed = Double.parseDouble(cell);
                value = next < own.length && Math.abs(own[next] - parsed) <= 1e-4 + 1e-4 * Math.abs(parsed) ? (Object) own[next] : parsed;
                next++;
            } catch (NumberFormatException e) {
                // a class name or other text
            }
            vals.add(value);
        }
    }

    /**
     * A transcript lying next to {@code video} under the same name: {@code <name>.words.csv}, {@code .srt},
     * {@code .vtt}, {@code .TextGrid}, {@code .json} or {@code .csv} (the first found, in that order), or null.
     */
    public static Path sidecarTranscript(Path video) {
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        for (String ext : List.of(".words.csv", ".srt", ".vtt", ".TextGrid", ".json", ".csv")) {
            Path p = video.resolveSibling(stem + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static Path existing(Path file, String what) {
        Path p = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(what + " " + p + (Files.exists(p) ? " is not a regular file" : " does not exist")
                    + "; give the path of a " + what + " file");
        }
        return p;
    }

    /** A file-name-safe id from the video's name, unique among {@code taken}. */
    private static String clipId(Path video, Set<String> taken) {
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty() || base.equals("summary")) {
            base = "video-" + base;
        }
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static ExperimentConfig withCacheDir(ExperimentConfig c, Path cacheDir) {
        ExperimentConfig.FeaturesConfig f = c.features();
        ExperimentConfig.FeaturesConfig features = new ExperimentConfig.FeaturesConfig(cacheDir.toAbsolutePath().toString(), f.videoFps(),
                f.sampleRate(), f.maxVideoWidth(), f.threads(), f.extractors(), f.asr(), f.limits());
        return new ExperimentConfig(c.experiment(), c.seed(), c.seeds(), c.data(), features, c.alignment(), c.normalization(), c.protocol(),
                c.tasks(), c.train(), c.rows(), c.report(), c.vocabulary(), c.robustness(), c.plugins(), c.runtime());
    }
}
