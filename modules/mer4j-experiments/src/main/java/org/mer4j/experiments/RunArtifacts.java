package org.mer4j.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.AtomicFiles;
import org.mer4j.api.Modality;
import org.mer4j.features.IdColumns;
import org.mer4j.features.Standardizer;
import org.mer4j.models.ModelSpec;
import org.mer4j.models.TokenInput;
import org.mer4j.models.heads.HeadSpec;
import org.mer4j.train.tasks.EmotionTask;
import org.mer4j.train.tasks.Task;
import org.mer4j.train.tasks.TaskSet;

/**
 * What a run folder keeps, besides its checkpoint, so that its model can be applied to new videos
 * ({@link RunPredictor}, {@code mer4j predict}): {@value #STANDARDIZER} (the feature statistics the
 * run normalised with) and {@value #MODEL} (the model spec, the class lists, the fusion model and its
 * settings). Both are written before training starts, from the same clips and objects the run uses.
 *
 * <p>{@value #STANDARDIZER}: with {@code normalization.scope: global} the per-modality means and scales
 * (1 / standard deviation) fitted on the training clips; with {@code scope: subject} those of every
 * subject of the run, per part ({@code train}, {@code val}, {@code test}), as {@link Standardizer#perSubject}
 * fitted them on that part's clips of the subject. Floats are written as the shortest decimal that reads
 * back to the same float.
 */
public final class RunArtifacts {
    /** File name of the normalisation statistics. */
    public static final String STANDARDIZER = "standardizer.json";
    /** File name of the model description. */
    public static final String MODEL = "model.json";
    /** File name of the fold's word vocabulary (when a {@code word-ids} track feeds learned embeddings). */
    public static final String VOCABULARY = "vocabulary.json";
    static final String STANDARDIZER_FORMAT = "mer4j-standardizer/1";
    static final String MODEL_FORMAT = "mer4j-model/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunArtifacts() {
    }

    /** Means and scales of one modality's features. */
    public record Stats(float[] mean, float[] scale) {
    }

    /**
     * The content of {@value #STANDARDIZER}.
     *
     * @param format {@value #STANDARDIZER_FORMAT}
     * @param scope {@code global} or {@code subject}
     * @param statistics with scope global: per modality key, the training statistics
     * @param subjects with scope subject: per part ({@code train}, {@code val}, {@code test}), per subject, per modality key
     */
    public record StandardizerFile(String format, String scope, Map<String, Stats> statistics,
                                   Map<String, Map<String, Map<String, Stats>>> subjects) {
    }

    /**
     * A token-id column of the model input (see {@link TokenInput}).
     *
     * @param modality modality key
     * @param column index of the id column
     * @param vocabularySize embedding rows
     * @param width embedding width
     */
    public record Token(String modality, int column, int vocabularySize, int width) {
    }

    /**
     * The content of {@value #MODEL}.
     *
     * @param format {@value #MODEL_FORMAT}
     * @param row the row's name
     * @param rowIndex its index in {@code rows}
     * @param modalities the row's modalities, in model input order
     * @param featureDims per modality, the aligned feature width before the vocabulary replaces the word-ids columns
     * @param inputDims per modality, the width of the model's input ({@link ModelSpec#inputDims()})
     * @param heads the task heads
     * @param tokens the token-id inputs
     * @param fusion the fusion provider's name
     * @param fusionSettings its settings record as JSON
     * @param tasks the task names, in order
     * @param classes the class lists the tasks were built with (the manifest's, and each emotion task's own)
     * @param rate timeline rate in Hz
     * @param normalization {@code normalization.scope}
     */
    public record ModelFile(String format, String row, int rowIndex, List<String> modalities, Map<String, Integer> featureDims,
                            Map<String, Integer> inputDims, List<HeadSpec> heads, List<Token> tokens, String fusion,
                            JsonNode fusionSettings, List<String> tasks, Map<String, List<String>> classes, double rate,
                            String normalization) {

        /** The model spec the run trained. */
        public ModelSpec spec() {
            Map<Modality, Integer> dims = new EnumMap<>(Modality.class);
            inputDims.forEach((k, v) -> dims.put(Modality.parse(k), v));
            List<TokenInput> t = tokens.stream().map(x -> new TokenInput(Modality.parse(x.modality()), x.column(), x.vocabularySize(),
                    x.width())).toList();
            return new ModelSpec(modalities.stream().map(Modality::parse).toList(), dims, heads, t);
        }
    }

    /**
     * Writes {@value #STANDARDIZER} and {@value #MODEL} into a run folder. The clips are the run's
     * modality-selected, not yet normalised train, validation and test clips; {@code ids} their id columns.
     */
    static void write(Path runDir, ExperimentConfig cfg, int rowIndex, PluginConfigs.FusionChoice fusion, ModelSpec spec, TaskSet tasks,
                      Map<String, List<String>> declaredClasses, IdColumns ids, List<AlignedClip> rawTrain, List<AlignedClip> rawVal,
                      List<AlignedClip> rawTest) throws IOException {
        writeStandardizer(runDir, cfg.normalization().scope(), ids, rawTrain, rawVal, rawTest);
        writeModel(runDir, cfg, rowIndex, fusion, spec, tasks, declaredClasses, rawTrain.get(0));
    }

    /** Writes {@value #STANDARDIZER}: the statistics {@code scope} normalises with, fitted as the run fits them. */
    static void writeStandardizer(Path runDir, String scope, IdColumns ids, List<AlignedClip> rawTrain, List<AlignedClip> rawVal,
                                  List<AlignedClip> rawTest) throws IOException {
        StandardizerFile stats;
        if (scope.equals("subject")) {
            Map<String, Map<String, Map<String, Stats>>> parts = new LinkedHashMap<>();
            parts.put("train", perSubject(rawTrain, ids));
            parts.put("val", perSubject(rawVal, ids));
            parts.put("test", perSubject(rawTest, ids));
            stats = new StandardizerFile(STANDARDIZER_FORMAT, scope, null, parts);
        } else {
            stats = new StandardizerFile(STANDARDIZER_FORMAT, scope, stats(Standardizer.fit(rawTrain, ids)), null);
        }
        AtomicFiles.write(runDir.resolve(STANDARDIZER), JSON.writeValueAsBytes(stats));
    }

    /** Writes {@value #MODEL}; {@code rawClip} is one of the run's clips before normalisation and vocabulary. */
    static void writeModel(Path runDir, ExperimentConfig cfg, int rowIndex, PluginConfigs.FusionChoice fusion, ModelSpec spec, TaskSet tasks,
                           Map<String, List<String>> declaredClasses, AlignedClip rawClip) throws IOException {
        String scope = cfg.normalization().scope();
        Map<String, Integer> featureDims = new LinkedHashMap<>();
        Map<String, Integer> inputDims = new LinkedHashMap<>();
        for (Modality m : spec.modalities()) {
            featureDims.put(m.key(), rawClip.dims().get(m));
            inputDims.put(m.key(), spec.dim(m));
        }
        Map<String, List<String>> classes = new LinkedHashMap<>(declaredClasses);
        for (Task t : tasks.tasks()) {
            if (t instanceof EmotionTask e) {
                classes.putIfAbsent("emotion", e.classes());
            }
        }
        List<Token> tokens = spec.tokens().stream().map(t -> new Token(t.modality().key(), t.column(), t.vocabularySize(), t.width())).toList();
        ModelFile model = new ModelFile(MODEL_FORMAT, cfg.rows().get(rowIndex).name(), rowIndex, spec.keys(), featureDims, inputDims,
                spec.heads(), tokens, fusion.provider().name(), settingsOrNull(fusion.config()), tasks.tasks().stream().map(Task::name).toList(),
                classes, cfg.alignment().rate(), scope);
        AtomicFiles.write(runDir.resolve(MODEL), JSON.writeValueAsBytes(model));
    }

    /** {@link #settings}, or null when Jackson cannot write the record (a plug-in's; predict then does not compare them). */
    private static JsonNode settingsOrNull(Record config) {
        try {
            return settings(config);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A fusion settings record as JSON (as {@link #MODEL} holds it, so two can be compared). */
    static JsonNode settings(Record config) throws IOException {
        return JSON.readTree(JSON.writeValueAsString(config));
    }

    /** Reads {@value #STANDARDIZER}; errors name the file and what is wrong. */
    static StandardizerFile readStandardizer(Path runDir) throws IOException {
        Path file = runDir.resolve(STANDARDIZER);
        StandardizerFile s = read(file, StandardizerFile.class);
        if (!STANDARDIZER_FORMAT.equals(s.format())) {
            throw new IOException(file + ": format '" + s.format() + "', expected '" + STANDARDIZER_FORMAT
                    + "'; this mer4j version cannot read it: retrain the run with this version");
        }
        boolean complete = "subject".equals(s.scope()) ? s.subjects() != null : "global".equals(s.scope()) && s.statistics() != null;
        if (!complete) {
            throw new IOException(file + ": scope '" + s.scope() + "' without its statistics ('statistics' for global, 'subjects' for"
                    + " subject); the file is damaged: retrain the run");
        }
        return s;
    }

    /** Reads {@value #MODEL}; errors name the file and what is wrong. */
    static ModelFile readModel(Path runDir) throws IOException {
        Path file = runDir.resolve(MODEL);
        ModelFile m = read(file, ModelFile.class);
        if (!MODEL_FORMAT.equals(m.format())) {
            throw new IOException(file + ": format '" + m.format() + "', expected '" + MODEL_FORMAT
                    + "'; this mer4j version cannot read it: retrain the run with this version");
        }
        if (m.modalities() == null || m.inputDims() == null || m.featureDims() == null || m.heads() == null || m.fusion() == null
                || m.tasks() == null) {
            throw new IOException(file + ": modalities, featureDims, inputDims, heads, fusion and tasks are required; the file is"
                    + " damaged: retrain the run");
        }
        return new ModelFile(m.format(), m.row(), m.rowIndex(), m.modalities(), m.featureDims(), m.inputDims(), m.heads(),
                m.tokens() == null ? List.of() : m.tokens(), m.fusion(), m.fusionSettings(), m.tasks(),
                m.classes() == null ? Map.of() : m.classes(), m.rate(), m.normalization());
    }

    /** A standardizer from saved statistics (modality key to means and scales). */
    static Standardizer standardizer(Map<String, Stats> stats, IdColumns ids, Path file) throws IOException {
        Map<Modality, float[]> mean = new EnumMap<>(Modality.class);
        Map<Modality, float[]> scale = new EnumMap<>(Modality.class);
        for (Map.Entry<String, Stats> e : stats.entrySet()) {
            if (e.getValue() == null || e.getValue().mean() == null || e.getValue().scale() == null) {
                throw new IOException(file + ": modality '" + e.getKey() + "' has no 'mean' and 'scale'; the file is damaged: retrain the run");
            }
            mean.put(Modality.parse(e.getKey()), e.getValue().mean());
            scale.put(Modality.parse(e.getKey()), e.getValue().scale());
        }
        try {
            return Standardizer.of(mean, scale, ids);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage() + "; the file is damaged: retrain the run", e);
        }
    }

    private static <T> T read(Path file, Class<T> type) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is missing");
        }
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new IOException(file + " is not readable (" + e.getMessage() + "); the file is damaged: retrain the run", e);
        }
    }

    private static Map<String, Map<String, Stats>> perSubject(List<AlignedClip> clips, IdColumns ids) {
        Map<String, Map<String, Stats>> out = new LinkedHashMap<>();
        Standardizer.fitPerSubject(clips, ids).forEach((subject, s) -> out.put(subject, stats(s)));
        return out;
    }

    private static Map<String, Stats> stats(Standardizer s) {
        Map<String, Stats> out = new LinkedHashMap<>();
        List<Modality> order = new ArrayList<>(s.modalities());
        java.util.Collections.sort(order);
        for (Modality m : order) {
            out.put(m.key(), new Stats(s.mean(m), s.scale(m)));
        }
        return out;
    }
}
