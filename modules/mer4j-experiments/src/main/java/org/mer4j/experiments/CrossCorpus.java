package org.mer4j.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Clip;
import org.mer4j.api.Manifest;
import org.mer4j.api.Progress;
import org.mer4j.features.ExtractorRegistry;
import org.mer4j.features.SkippedClip;

/**
 * The cross-corpus protocol: train (and pick the best epoch) on the subjects of the experiment's
 * corpus, test on every clip of another corpus ({@code protocol.target}), after mapping its emotion
 * classes onto the source's. The target is extracted with the same extractors and aligned on the
 * same timeline; its clip and subject ids get the prefix {@code <target name>/} so the two corpora
 * never share an id. Nothing of the target is seen before testing: no statistics, no labels.
 */
final class CrossCorpus {
    private CrossCorpus() {
    }

    /**
     * The extracted target corpus.
     *
     * @param source where it came from (for provenance)
     * @param data its aligned clips (prefixed ids) and skipped clips
     * @param labelled its clips with labels only (for the tasks' early label check)
     * @param metadata manifest metadata by prefixed clip id
     * @param clipsTotal clips in the target manifest before mapping
     * @param unmapped clips left out because their emotion is not in {@code emotionMap}
     */
    record Target(DataSource source, FeaturePipeline.Result data, List<AlignedClip> labelled, Map<String, Map<String, String>> metadata,
                  int clipsTotal, int unmapped) {
        /** What provenance records about the target. */
        Map<String, Object> describe(CrossCorpusConfig cfg) {
            Map<String, Object> d = new java.util.LinkedHashMap<>(source.describe());
            d.put("name", cfg.name());
            d.put("emotionMap", cfg.emotionMap() == null ? null : new TreeMap<>(cfg.emotionMap()));
            d.put("clipsTotal", clipsTotal);
            d.put("unmapped", unmapped);
            d.put("clipsUsed", data.clips().size());
            return d;
        }
    }

    /** Opens, maps and extracts the target corpus into {@code <experiment>/target-data}. */
    static Target load(ExperimentConfig cfg, ExtractorRegistry extractors, Path projectDir, Path experimentDir, Consumer<String> log,
                       Progress progress) throws IOException {
        CrossCorpusConfig target = cfg.protocol().target();
        DataSource source = DataSource.openInto(target.data(), projectDir, experimentDir.resolve("target-data"));
        Manifest manifest = source.manifest();
        List<Clip> mapped = new ArrayList<>();
        int unmapped = 0;
        for (Clip c : manifest.clips()) {
            String emotion = c.labels().emotion();
            if (target.emotionMap() == null || emotion == null) {
                mapped.add(c);
            } else if (target.emotionMap().containsKey(emotion)) {
                mapped.add(c.withLabels(c.labels().withEmotion(target.emotionMap().get(emotion))));
            } else {
                unmapped++;
            }
        }
        log.accept("cross-corpus target " + target.name() + ": " + manifest.clips().size() + " clips from " + source.manifestFile()
                + (unmapped > 0 ? "; " + unmapped + " left out (emotion not in protocol.target.emotionMap)" : ""));
        if (mapped.isEmpty()) {
            throw new IllegalArgumentException("protocol.target: no target clip is left after protocol.target.emotionMap "
                    + target.emotionMap() + "; its keys must be the target corpus's emotion classes");
        }
        FeaturePipeline.Result raw = FeaturePipeline.run(cfg, extractors, new Manifest(manifest.name(), manifest.root(), mapped, manifest.classes(), manifest.allowOutsideRoot()), projectDir, log, progress);
        String prefix = target.name() + "/";
        List<AlignedClip> clips = raw.clips().stream().map(c -> prefixed(prefix, c)).toList();
        List<SkippedClip> skipped = raw.skipped().stream()
                .map(s -> new SkippedClip(prefix + s.clipId(), s.stage(), s.reason(), s.message())).toList();
        List<AlignedClip> labelled = mapped.stream()
                .map(c -> new AlignedClip(prefix + c.id(), prefix + c.subject(), 1, 1, Map.of(), Map.of(), Map.of(), c.labels())).toList();
        Map<String, Map<String, String>> metadata = new java.util.HashMap<>();
        mapped.forEach(c -> metadata.put(prefix + c.id(), c.metadata()));
        FeaturePipeline.Result data = new FeaturePipeline.Result(clips, raw.report(), skipped, raw.slices());
        return new Target(source, data, labelled, metadata, manifest.clips().size(), unmapped);
    }

    /**
     * The single cross-corpus fold: a {@code valFraction} share of the source subjects (drawn with
     * {@code seed}) validates, the other source subjects train, every target subject is tested.
     */
    static Fold fold(List<String> sourceSubjects, List<String> targetSubjects, double valFraction, long seed) {
        List<String> shuffled = new ArrayList<>(new TreeSet<>(sourceSubjects));
        if (shuffled.size() < 2) {
            throw new IllegalArgumentException("cross-corpus needs at least 2 source subjects (train and validation), the corpus has "
                    + shuffled.size());
        }
        Collections.shuffle(shuffled, new Random(seed));
        int nVal = Math.max(1, (int) Math.round(shuffled.size() * valFraction));
        List<String> val = new ArrayList<>(shuffled.subList(0, nVal));
        List<String> train = new ArrayList<>(shuffled.subList(nVal, shuffled.size()));
        Collections.sort(val);
        Collections.sort(train);
        return new Fold(0, train, val, new ArrayList<>(new TreeSet<>(targetSubjects)));
    }

    private static AlignedClip prefixed(String prefix, AlignedClip c) {
        return new AlignedClip(prefix + c.clipId(), prefix + c.subject(), c.rate(), c.steps(), c.features(), c.dims(), c.masks(), c.labels());
    }
}
