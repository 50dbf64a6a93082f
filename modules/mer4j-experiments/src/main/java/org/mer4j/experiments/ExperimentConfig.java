package org.mer4j.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.mer4j.features.AlignmentConfig;
import org.mer4j.features.InputLimits;

/**
 * A whole experiment as written in YAML (see {@code configs/quickstart.yaml}). Every section is a
 * validated record; plug-in sections ({@code train}, extractor and fusion settings) are mapped onto
 * their component's own record when the experiment is built, with the same strictness.
 *
 * @param experiment experiment name: output goes to {@code runs/<experiment>/}
 * @param seed root seed: the subject splits are derived from it, and the run seeds when {@code seeds} is absent
 * @param seeds training seeds: every row is trained for every seed and fold (run seeds derived from each),
 *     on the same splits; absent = one seed, {@code seed}
 * @param data where the corpus is
 * @param features extractors and the decode settings
 * @param alignment the common timeline
 * @param normalization how features are z-scored
 * @param protocol how clips are split into folds
 * @param tasks the tasks trained together, each {@code {type: <task>, ...settings}} (e.g. {@code ah},
 *     {@code emotion}, {@code inconsistency}, {@code valence}); settings are mapped onto the task's config record
 * @param train training-loop settings (mapped onto {@code org.mer4j.train.TrainConfig})
 * @param rows the table rows: modalities and fusion model (or classical classifier) of each
 * @param report which metrics the summary table shows
 * @param vocabulary the fold vocabulary of learned token embeddings (used when a {@code word-ids} track is extracted)
 * @param robustness the robustness experiment (test-time noise and missing modalities), or null for none
 * @param plugins plug-in jars, or folders whose {@code *.jar} are plug-ins (fusion models, tasks,
 *     extractors), relative to the working directory; empty for none
 * @param runtime process settings the numbers depend on (MKL's reproducible code path), see {@link RuntimeConfig}
 */
public record ExperimentConfig(String experiment, long seed, List<Long> seeds, DataConfig data, FeaturesConfig features,
                               AlignmentConfig alignment, NormalizationConfig normalization, ProtocolConfig protocol, List<JsonNode> tasks,
                               JsonNode train, List<RowConfig> rows,
                               ReportConfig report, VocabularyConfig vocabulary,
                               org.mer4j.experiments.robustness.RobustnessConfig robustness, List<String> plugins, RuntimeConfig runtime) {
    public ExperimentConfig {
        if (experiment == null || !experiment.matches("[A-Za-z0-9_.-]{1,100}") || experiment.startsWith(".")) {
            throw new IllegalArgumentException("experiment: it names a folder under runs/; give 1-100 letters, digits, '.', '_' or '-'"
                    + " (not starting with '.'), got " + org.mer4j.api.Excerpt.quote(experiment));
        }
        if (data == null) {
            throw new IllegalArgumentException("data: missing section; give data.manifest, or data.adapter and data.root");
        }
        if (features == null) {
            throw new IllegalArgumentException("features: missing section; list the extractors under features.extractors");
        }
        alignment = alignment == null ? AlignmentConfig.defaults() : alignment;
        normalization = normalization == null ? NormalizationConfig.defaults() : normalization;
        protocol = protocol == null ? ProtocolConfig.defaults() : protocol;
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("tasks: list the tasks to train, e.g. tasks: [{type: ah}, {type: emotion, weight: 0.5}]");
        }
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i) == null || !tasks.get(i).hasNonNull("type")) {
                throw new IllegalArgumentException("tasks[" + i + "]: give {type: <task>}, e.g. {type: emotion}");
            }
        }
        tasks = List.copyOf(tasks);
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("rows: give at least one row (name, modalities, fusion)");
        }
        rows = List.copyOf(rows);
        report = report == null ? ReportConfig.defaults() : report;
        vocabulary = vocabulary == null ? new VocabularyConfig(0, 0, 0) : vocabulary;
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
        runtime = runtime == null ? RuntimeConfig.defaults() : runtime;
        seeds = seeds == null || seeds.isEmpty() ? List.of(seed) : List.copyOf(seeds);
        if (new java.util.HashSet<>(seeds).size() != seeds.size()) {
            throw new IllegalArgumentException("seeds: " + seeds + " lists a seed twice; give distinct seeds, e.g. seeds: [1, 2, 3, 4, 5]");
        }
        if (rows.stream().map(RowConfig::name).distinct().count() != rows.size()) {
            throw new IllegalArgumentException("rows: row names must be unique");
        }
        boolean personalisation = protocol.type().equals(ProtocolConfig.PERSONALISATION);
        for (RowConfig r : rows) {
            if (r.adaptation() != null && !personalisation) {
                throw new IllegalArgumentException("rows[" + r.name() + "].adaptation: only the personalisation protocol adapts to a"
                        + " target subject; set protocol.type: personalisation or remove the row's adaptation");
            }
        }
        String reference = report.reference();
        if (reference != null && rows.stream().noneMatch(r -> r.name().equals(reference))) {
            throw new IllegalArgumentException("report.reference: no row is named '" + reference + "'; rows: "
                    + rows.stream().map(RowConfig::name).toList());
        }
    }

    /**
     * Where the clips are: a manifest, or a corpus folder read by a dataset adapter.
     *
     * @param manifest manifest file, or null when {@code adapter} is given
     * @param root with a manifest, a data root overriding the manifest's own (or null); with an
     *     adapter, the corpus folder (required)
     * @param adapter dataset adapter name (e.g. {@code emodb}, {@code meld}), or null
     * @param allowOutsideRoot let clip media, transcripts and trace files resolve (after symbolic
     *     links) outside the data root (default false: such clips are skipped as
     *     {@code outside-data-root}); a manifest may also allow it with {@code "allowOutsideRoot": true}.
     *     Files outside the root are read but never quoted in error messages
     */
    public record DataConfig(String manifest, String root, String adapter, boolean allowOutsideRoot, Map<String, String> options) {
        public DataConfig {
            options = options == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(options));
            boolean hasManifest = manifest != null && !manifest.isBlank();
            boolean hasAdapter = adapter != null && !adapter.isBlank();
            if (hasManifest == hasAdapter) {
                throw new IllegalArgumentException("data: give either data.manifest (a mer4j-manifest/1 JSON file) or data.adapter"
                        + " with data.root (a corpus folder), not " + (hasManifest ? "both" : "neither"));
            }
            if (hasAdapter && (root == null || root.isBlank() || root.startsWith("<"))) {
                throw new IllegalArgumentException("data.root: required with data.adapter '" + adapter + "'; point it at the corpus"
                        + " folder, e.g. --set data.root=/path/to/corpus");
            }
            if (hasManifest && !options.isEmpty()) {
                throw new IllegalArgumentException("data.options: only read by a dataset adapter (data.adapter); remove it or"
                        + " give data.adapter");
            }
        }
    }

    /**
     * The vocabulary of learned token embeddings, fitted on each fold's training clips.
     *
     * @param minCount training occurrences a word needs to get its own row (default 2)
     * @param maxSize rows including PAD and UNK (default 5000)
     * @param embeddingDim width of each learned word vector (default 64)
     */
    public record VocabularyConfig(int minCount, int maxSize, int embeddingDim) {
        public VocabularyConfig {
            minCount = minCount == 0 ? 2 : minCount;
            maxSize = maxSize == 0 ? 5000 : maxSize;
            embeddingDim = embeddingDim == 0 ? 64 : embeddingDim;
            if (minCount < 1 || maxSize < 3) {
                throw new IllegalArgumentException("vocabulary: minCount must be >= 1 and maxSize >= 3, got " + minCount + " and " + maxSize);
            }
            if (embeddingDim < 1) {
                throw new IllegalArgumentException("vocabulary.embeddingDim must be >= 1, got " + embeddingDim + "; use e.g. 64");
            }
        }
    }

    /**
     * What the summary shows.
     *
     * @param metrics metric keys of the configured tasks, in column order (default: every metric the
     *     tasks report); checked against the tasks when the config is loaded. A column no row has a
     *     value for (a metric that does not apply to the corpus) is left out of the table
     * @param reference name of the row the others are compared with: with several runs per row, each
     *     cell of another row is marked {@code *} (p < 0.05) or {@code **} (p < 0.01) by an exact paired
     *     sign-flip test over the matched (fold, seed) runs; default: the first row
     * @param groupBy clip metadata keys of the manifest (e.g. {@code subset}, {@code gender}): every
     *     run is also scored on each group of its test clips, and {@code table-by-<key>.md} shows the
     *     metrics per row and group (default: none)
     */
    public record ReportConfig(List<String> metrics, String reference, List<String> groupBy) {
        public ReportConfig {
            metrics = metrics == null ? List.of() : List.copyOf(metrics);
            groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
            for (String key : groupBy) {
                if (key == null || !key.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
                    throw new IllegalArgumentException("report.groupBy: '" + key + "' is not a metadata key (letters, digits, '_', '.', '-')");
                }
            }
        }

        /** Every metric of the tasks, no groups. */
        public static ReportConfig defaults() {
            return new ReportConfig(null, null, null);
        }
    }

    /**
     * Extraction settings.
     *
     * @param cacheDir feature store folder
     * @param videoFps frames per second delivered to vision extractors
     * @param sampleRate audio sample rate delivered to audio extractors
     * @param maxVideoWidth larger frames are downscaled to this width
     * @param threads clips extracted in parallel
     * @param extractors the extractors, each with its settings
     * @param asr offline speech recognition for clips without a transcript ({@code engine:
     *     pocketsphinx|vosk}, ...), or null to leave such clips without words
     * @param limits what is absurd for a clip: transcript size, words or labels past the clip's end,
     *     truncated media ({@link InputLimits}); each violation skips the clip with a reason
     */
    public record FeaturesConfig(String cacheDir, double videoFps, int sampleRate, int maxVideoWidth, int threads,
                                 List<ExtractorRef> extractors, org.mer4j.text.asr.AsrConfig asr, InputLimits limits) {
        public FeaturesConfig {
            limits = limits == null ? InputLimits.defaults() : limits;
            cacheDir = cacheDir == null ? ".cache/features" : cacheDir;
            videoFps = videoFps == 0 ? 10 : videoFps;
            sampleRate = sampleRate == 0 ? 16000 : sampleRate;
            maxVideoWidth = maxVideoWidth == 0 ? 640 : maxVideoWidth;
            threads = threads == 0 ? 2 : threads;
            if (videoFps < 0 || videoFps > 120) {
                throw new IllegalArgumentException("features.videoFps must be in (0, 120], got " + videoFps);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("features.threads must be >= 1, got " + threads);
            }
            if (extractors == null || extractors.isEmpty()) {
                throw new IllegalArgumentException("features.extractors: list at least one extractor, e.g. {name: prosody}");
            }
            extractors = List.copyOf(extractors);
        }
    }

    /**
     * One extractor in the config.
     *
     * @param name provider name
     * @param config its settings (mapped onto the provider's config record), or null for defaults
     */
    public record ExtractorRef(String name, JsonNode config) {
        public ExtractorRef {
            if (name == null) {
                throw new IllegalArgumentException("features.extractors[]: each entry needs a 'name'");
            }
        }
    }

    /**
     * One table row: a fusion model trained by the framework's loop, or a classical classifier.
     *
     * @param name row label in the table
     * @param modalities modalities fed to the model
     * @param fusion {@code {type: <provider>, ...settings}}, or null for a {@code classifier} row
     * @param classifier {@code {type: linear-svm, ...settings}} (see
     *     {@link org.mer4j.train.classical.LinearSvmConfig}), or null for a {@code fusion} row
     * @param adaptation how the row adapts to a target subject (personalisation protocol), or null
     * @param context the neighbouring utterances of the same conversation appended to each clip, or null
     */
    public record RowConfig(String name, List<String> modalities, JsonNode fusion, JsonNode classifier, AdaptationConfig adaptation,
                            ContextConfig context) {
        public RowConfig {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("rows[].name: required");
            }
            if (name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("rows[].name: it names run folders; give at most 100 printable characters, got "
                        + org.mer4j.api.Excerpt.quote(name));
            }
            if (modalities == null || modalities.isEmpty()) {
                throw new IllegalArgumentException("rows[" + name + "].modalities: list at least one of video, audio, text");
            }
            modalities = List.copyOf(modalities);
            if (fusion != null && classifier != null) {
                throw new IllegalArgumentException("rows[" + name + "]: give either fusion: {type: <fusion model>} or classifier:"
                        + " {type: linear-svm}, not both");
            }
            if (classifier != null) {
                if (!classifier.hasNonNull("type")) {
                    throw new IllegalArgumentException("rows[" + name + "].classifier: give {type: <classifier>}, e.g. {type: linear-svm}");
                }
            } else if (fusion == null || !fusion.hasNonNull("type")) {
                throw new IllegalArgumentException("rows[" + name + "].fusion: give {type: <fusion model>}, e.g. early-fusion"
                        + " (or classifier: {type: linear-svm} for a classical row)");
            }
            if (classifier != null && adaptation != null && adaptation.method().equals("self-training")) {
                throw new IllegalArgumentException("rows[" + name + "].adaptation: self-training retrains a fusion model; a classifier"
                        + " row can use source-only or target-norm");
            }
        }

        /** The row's adaptation to the target subject; {@code source-only} when none is given. */
        public AdaptationConfig adaptationOrDefault() {
            return adaptation == null ? AdaptationConfig.SOURCE_ONLY : adaptation;
        }
    }
}
