package org.mer4j.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Clip;
import org.mer4j.api.FeatureExtractor;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.Manifest;
import org.mer4j.features.ClipTracks;
import org.mer4j.features.ExtractionReport;
import org.mer4j.features.ExtractionRunner;
import org.mer4j.features.ExtractorRegistry;
import org.mer4j.features.FeatureStore;
import org.mer4j.features.SkippedClip;
import org.mer4j.features.TimelineAligner;
import org.mer4j.media.DecodeConfig;

/**
 * The data half of an experiment: builds the configured extractors, extracts (or reuses cached)
 * tracks for every clip, and aligns them on the common timeline. Clips that fail are reported,
 * not fatal.
 */
public final class FeaturePipeline {

    /** Aligned clips plus what was skipped on the way. */
    public record Result(List<AlignedClip> clips, ExtractionReport report, List<SkippedClip> skipped, Map<String, TrackSlice> slices) {
        /**
         * These clips followed by {@code other}'s (another corpus extracted with the same extractors, so
         * with the same track slices); this report stays the report.
         */
        public Result plus(Result other) {
            if (!other.slices.equals(slices) && !other.clips.isEmpty() && !clips.isEmpty()) {
                throw new IllegalStateException("the two corpora's tracks differ in layout " + slices.keySet() + " vs "
                        + other.slices.keySet() + "; a clip of one lacks a track of the other");
            }
            List<AlignedClip> c = new ArrayList<>(clips);
            c.addAll(other.clips);
            List<SkippedClip> s = new ArrayList<>(skipped);
            s.addAll(other.skipped);
            return new Result(c, report, s, slices.isEmpty() ? other.slices : slices);
        }

        /** The aligned columns that hold ids (never standardised). */
        public org.mer4j.features.IdColumns idColumns() {
            return TrackSlice.idColumns(slices);
        }
    }

    private FeaturePipeline() {
    }

    /**
     * The configured extractors ({@code features.extractors}), built from the registry in config order;
     * the caller closes them. When one fails to build, those built before it are closed.
     */
    public static List<FeatureExtractor> extractors(ExperimentConfig cfg, ExtractorRegistry registry) {
        List<FeatureExtractor> extractors = new ArrayList<>();
        try {
            for (int i = 0; i < cfg.features().extractors().size(); i++) {
                ExperimentConfig.ExtractorRef ref = cfg.features().extractors().get(i);
                extractors.add(registry.create(ref.name(), ref.config(), "features.extractors[" + i + "] (" + ref.name() + ")"));
            }
            return extractors;
        } catch (RuntimeException e) {
            extractors.forEach(FeatureExtractor::close);
            throw e;
        }
    }

    /** The feature store of {@code features.cacheDir}, resolved against the project folder. */
    public static FeatureStore store(ExperimentConfig cfg, Path projectDir) {
        return new FeatureStore(projectDir.resolve(cfg.features().cacheDir()));
    }

    /**
     * The extraction runner of an experiment over {@code extractors}, with the config's decoding, word
     * source (transcripts, ASR) and input limits, running {@code threads} clips at once.
     */
    public static ExtractionRunner runner(ExperimentConfig cfg, FeatureStore store, List<FeatureExtractor> extractors, int threads) {
        DecodeConfig decode = new DecodeConfig(cfg.features().videoFps(), cfg.features().sampleRate(), cfg.features().maxVideoWidth());
        return new ExtractionRunner(store, extractors, decode, threads, new TranscriptWordSource(cfg.features().asr()), cfg.features().limits());
    }

    /**
     * The clips of an experiment ({@code data}): the manifest, or an adapter's, which is written to
     * {@code <experimentDir>/data/manifest.json} as when the experiment runs.
     */
    public static Manifest manifest(ExperimentConfig cfg, Path projectDir, Path experimentDir) throws IOException {
        return DataSource.open(cfg.data(), projectDir, experimentDir).manifest();
    }

    public static Result run(ExperimentConfig cfg, ExtractorRegistry registry, Manifest manifest, Path projectDir, Consumer<String> log)
            throws IOException {
        return run(cfg, registry, manifest, projectDir, log, org.mer4j.api.Progress.lines(log, 10));
    }

    /** As {@link #run(ExperimentConfig, ExtractorRegistry, Manifest, Path, Consumer)}, reporting extraction to {@code progress}. */
    public static Result run(ExperimentConfig cfg, ExtractorRegistry registry, Manifest manifest, Path projectDir, Consumer<String> log,
                             org.mer4j.api.Progress progress) throws IOException {
        List<FeatureExtractor> extractors = new ArrayList<>();
        try {
            extractors.addAll(extractors(cfg, registry));
            FeatureStore store = store(cfg, projectDir);
            ExtractionRunner runner = runner(cfg, store, extractors, cfg.features().threads());
            ExtractionReport report = runner.run(manifest, log, progress);
            log.accept(report.summaryLine());
            TimelineAligner aligner = new TimelineAligner(cfg.alignment());
            List<AlignedClip> aligned = new ArrayList<>();
            List<SkippedClip> skipped = new ArrayList<>(report.skipped());
            Map<String, TrackSlice> slices = new java.util.LinkedHashMap<>();
            java.util.Set<String> idTracks = new java.util.HashSet<>();
            extractors.stream().filter(FeatureExtractor::holdsIds).forEach(e -> idTracks.add(e.name()));
            for (Clip clip : manifest.clips()) {
                if (report.skipped().stream().anyMatch(s -> s.clipId().equals(clip.id()))) {
                    continue;
                }
                int damagedBefore = store.damagedEntries();
                Optional<ClipTracks> tracks = runner.load(manifest, clip);
                if (tracks.isEmpty()) {
                    skipped.add(store.damagedEntries() > damagedBefore
                            ? new SkippedClip(clip.id(), "align", "damaged-cache", "a cached feature track was damaged after extraction and"
                                    + " was deleted: " + store.damaged().get(store.damagedEntries() - 1).reason() + "; rerun to recompute it")
                            : new SkippedClip(clip.id(), "align", "missing-track", "a feature track is missing from the store; rerun extraction"));
                    continue;
                }
                aligned.add(aligner.align(tracks.get()));
                if (slices.isEmpty()) {
                    tracks.get().tracks().forEach((modality, list) -> {
                        int offset = 0;
                        for (FeatureTrack t : list) {
                            slices.put(t.name(), new TrackSlice(modality, offset, t.dim(), idTracks.contains(t.name())));
                            offset += t.dim();
                        }
                    });
                }
            }
            return new Result(aligned, report, skipped, Map.copyOf(slices));
        } finally {
            extractors.forEach(FeatureExtractor::close);
        }
    }
}
