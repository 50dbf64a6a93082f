package org.mer4j.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mer4j.api.AtomicFiles;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestIO;
import org.mer4j.api.WordTranscripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the seeded synthetic multimodal corpus: per clip an MP4 (rendered face + speech-like
 * audio), a word transcript, a valence/arousal trace ({@link AffectTrace}) and a design file, plus
 * {@code corpus.json} and a {@code mer4j-manifest/2} {@code manifest.json} (declared emotion
 * classes, clip durations). Labels come from {@link ClipPlanner}; A/H and inconsistency are
 * cross-modal discord, so no single modality recovers them (see the module README). With
 * {@link SynthConfig#conflict()} set, the clips fall into CA-MER-style emotion-conflict subsets
 * ({@link ConflictDesign}); each manifest clip's {@code metadata} then names its {@code subset} and,
 * for conflict clips, the {@code distractor} emotion, and {@code corpus.json} counts the subsets.
 *
 * <p>Seeds: the root seed makes one {@link SplittableRandom}; each subject gets a split of it and
 * each clip a split of its subject's generator, so clips are independent and deterministic and
 * render in parallel. Same config gives byte-identical manifest, transcripts, traces and design files.
 */
public final class CorpusGenerator {
    /** Format tag of {@code corpus.json} and the design files. */
    public static final String FORMAT = "mer4j-synth/2";
    private static final Logger LOG = LoggerFactory.getLogger(CorpusGenerator.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CorpusGenerator() {
    }

    /**
     * Plans every subject and clip of {@code cfg} without rendering anything. With
     * {@link SynthConfig#conflict()} set, each subject's clips get their {@link ConflictSubset}s
     * from {@link ConflictDesign#deal} with one more split of the subject's generator, taken after
     * the clips' splits, so the subject profiles and the clips' generators are the same as without.
     */
    public static CorpusPlan plan(SynthConfig cfg) {
        SplittableRandom root = new SplittableRandom(cfg.seed());
        ClipPlanner planner = new ClipPlanner(cfg.design(), cfg.conflict());
        List<SubjectProfile> subjects = new ArrayList<>();
        List<ClipPlan> clips = new ArrayList<>();
        for (int s = 1; s <= cfg.subjects(); s++) {
            SplittableRandom subjectRng = root.split();
            SubjectProfile subject = SubjectSampler.sample(String.format("s%02d", s), subjectRng.split());
            subjects.add(subject);
            SplittableRandom[] clipRngs = new SplittableRandom[cfg.clipsPerSubject()];
            for (int c = 0; c < clipRngs.length; c++) {
                clipRngs[c] = subjectRng.split();
            }
            List<ConflictSubset> subsets = cfg.conflict() == null ? null : cfg.conflict().deal(clipRngs.length, subjectRng.split());
            for (int c = 1; c <= cfg.clipsPerSubject(); c++) {
                String id = String.format("%s_c%02d", subject.id(), c);
                clips.add(subsets == null ? planner.plan(id, subject, cfg.clipSeconds(), clipRngs[c - 1])
                        : planner.plan(id, subject, cfg.clipSeconds(), clipRngs[c - 1], subsets.get(c - 1)));
            }
        }
        return new CorpusPlan(subjects, clips);
    }

    /**
     * Generates the corpus into {@code outDir} (created if needed; files of the same names are
     * replaced) and returns its manifest, which is written last.
     */
    public static Manifest generate(SynthConfig cfg, Path outDir) throws IOException {
        long t0 = System.nanoTime();
        CorpusPlan plan = plan(cfg);
        CorpusStatistics stats = CorpusStatistics.of(plan.clips());
        List<Clip> clips = new ArrayList<>();
        for (ClipPlan p : plan.clips()) {
            String transcript = "transcripts/" + p.clipId() + ".words.csv";
            WordTranscripts.write(outDir.resolve(transcript), p.transcript());
            ClipLabels labels = p.labels();
            AffectTrace.write(outDir.resolve(labels.traces().file()), labels.traces());
            AtomicFiles.write(outDir.resolve("design/" + p.clipId() + ".json"), JSON.writeValueAsBytes(designOf(p, labels)));
            clips.add(new Clip(p.clipId(), p.subject(), mediaPath(p), null, transcript, labels, null, p.metadata(), p.seconds()));
        }
        Map<String, Object> corpus = new LinkedHashMap<>();
        corpus.put("format", FORMAT);
        corpus.put("config", cfg);
        corpus.put("statistics", stats);
        if (cfg.conflict() != null) {
            corpus.put("conflictSubsets", ConflictDesign.counts(plan.clips()));
        }
        corpus.put("subjects", plan.subjects());
        AtomicFiles.write(outDir.resolve("corpus.json"), JSON.writeValueAsBytes(corpus));
        renderMedia(cfg, plan, outDir);
        Manifest manifest = new Manifest("synth-s" + cfg.seed(), outDir.toAbsolutePath().normalize(), clips, classes());
        ManifestIO.write(outDir.resolve("manifest.json"), manifest);
        LOG.info("synthetic corpus: {} clips of {} s in {} ms; A/H time {}, clips without A/H {}",
                clips.size(), cfg.clipSeconds(), (System.nanoTime() - t0) / 1_000_000,
                String.format("%.3f", stats.ahTimeFraction()), String.format("%.3f", stats.cleanClipFraction()));
        if (cfg.conflict() != null) {
            LOG.info("emotion-conflict subsets (clips): {}", ConflictDesign.counts(plan.clips()));
        }
        return manifest;
    }

    private static String mediaPath(ClipPlan p) {
        return "media/" + p.clipId() + ".mp4";
    }

    /** The declared class lists: the emotion label takes the four {@link Emotion} keys. */
    public static Map<String, List<String>> classes() {
        return Map.of("emotion", Arrays.stream(Emotion.values()).map(Emotion::key).toList());
    }

    private static Map<String, Object> designOf(ClipPlan p, ClipLabels labels) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("format", FORMAT);
        d.put("ahSegments", labels.ahSegments());
        d.put("inconsistentSegments", labels.inconsistentSegments());
        d.put("dimensions", labels.dimensions());
        List<Map<String, Object>> perSegment = new ArrayList<>();
        for (SegmentPlan s : p.segments()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", s.index());
            row.put("start", s.start());
            row.put("end", s.end());
            row.put(AffectTrace.VALENCE, AffectTrace.round4(s.expressedValence()));
            row.put(AffectTrace.AROUSAL, AffectTrace.round4(s.expressedArousal()));
            perSegment.add(row);
        }
        d.put("segmentDimensions", perSegment);
        d.put("plan", p);
        return d;
    }

    private static void renderMedia(SynthConfig cfg, CorpusPlan plan, Path outDir) throws IOException {
        ClipMediaWriter writer = new ClipMediaWriter(cfg);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(cfg.threads(), plan.clips().size()), r -> {
            Thread t = new Thread(r, "mer4j-synth-render");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (ClipPlan p : plan.clips()) {
                SubjectProfile subject = plan.subject(p.subject());
                jobs.add(pool.submit(() -> {
                    writer.write(p, subject, outDir.resolve(mediaPath(p)));
                    return null;
                }));
            }
            for (int i = 0; i < jobs.size(); i++) {
                try {
                    jobs.get(i).get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw cause instanceof IOException io ? io
                            : new IOException("rendering clip " + plan.clips().get(i).clipId() + " failed: " + cause, cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while rendering the synthetic corpus", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Command line: {@code CorpusGenerator OUT_DIR [SEED]} writes the quickstart corpus.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: CorpusGenerator OUT_DIR [SEED]   (writes the quickstart corpus)");
            System.exit(2);
        }
        SynthConfig cfg = SynthConfig.quickstart();
        if (args.length > 1) {
            cfg = cfg.withSeed(Long.parseLong(args[1]));
        }
        Manifest m = generate(cfg, Path.of(args[0]));
        System.out.println("wrote " + m.clips().size() + " clips to " + m.root());
    }
}
