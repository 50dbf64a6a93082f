package org.mer4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mer4j.api.Manifest;
import org.mer4j.synth.BahLayoutWriter;
import org.mer4j.synth.ConflictDesign;
import org.mer4j.synth.CorpusGenerator;
import org.mer4j.synth.SynthConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mer4j synth --out DIR}: writes a seeded synthetic multimodal corpus with its manifest;
 * with {@code --layout bah}, the corpus goes to {@code DIR/mer4j-synth} and {@code DIR} gets it in
 * the BAH dataset's layout ({@link BahLayoutWriter}), for {@code configs/bah}.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Generate the seeded synthetic corpus (MP4 + transcripts + labels + manifest.json).")
final class SynthCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--seed", description = "root seed (default: ${DEFAULT-VALUE})")
    long seed = SynthConfig.quickstart().seed();

    @Option(names = "--subjects", description = "participants (default: ${DEFAULT-VALUE})")
    int subjects = SynthConfig.quickstart().subjects();

    @Option(names = "--clips-per-subject", description = "clips per participant (default: ${DEFAULT-VALUE})")
    int clipsPerSubject = SynthConfig.quickstart().clipsPerSubject();

    @Option(names = "--seconds", description = "clip length in seconds (default: ${DEFAULT-VALUE})")
    double seconds = SynthConfig.quickstart().clipSeconds();

    @Option(names = "--conflict", description = "CA-MER-style emotion-conflict subsets: shares of consistent, video-, audio- and"
            + " text-carried clips, e.g. 0.4,0.2,0.2,0.2 (off when absent)", split = ",")
    List<Double> conflictShares;

    @Option(names = "--distractor-intensity", description = "with --conflict: intensity of the distractor emotion in the other"
            + " modalities, in (0,1] (default: ${DEFAULT-VALUE})")
    double distractorIntensity = ConflictDesign.defaults().distractorIntensity();

    @Option(names = "--layout", description = "mer4j (manifest.json, the default) or bah: the BAH dataset's layout (split files,"
            + " class_id.yaml, video_annotation.yaml, Vosk CSVs) in --out, the mer4j corpus in --out/mer4j-synth")
    String layout = "mer4j";

    @Override
    public Integer call() throws Exception {
        if (!layout.equals("mer4j") && !layout.equals("bah")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--layout must be mer4j or bah, got '" + layout + "'");
        }
        SynthConfig q = SynthConfig.quickstart();
        SynthConfig cfg = new SynthConfig(seed, subjects, clipsPerSubject, seconds, q.width(), q.height(), q.fps(),
                q.audioSampleRate(), q.videoBitrate(), q.threads(), q.design());
        if (conflictShares != null) {
            if (conflictShares.size() != 4) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--conflict needs four shares (consistent,video,audio,text), e.g. 0.4,0.2,0.2,0.2; got " + conflictShares);
            }
            cfg = cfg.withConflict(new ConflictDesign(conflictShares.get(0), conflictShares.get(1), conflictShares.get(2),
                    conflictShares.get(3), distractorIntensity));
        }
        long t0 = System.nanoTime();
        Path corpus = layout.equals("bah") ? out.resolve("mer4j-synth") : out;
        Manifest m = CorpusGenerator.generate(cfg, corpus);
        Console.line(String.format("synth: %d clips of %d subjects written to %s in %.1f s", m.clips().size(), subjects,
                corpus.resolve("manifest.json"), (System.nanoTime() - t0) / 1e9));
        if (layout.equals("bah")) {
            BahLayoutWriter.write(m, cfg.fps(), out);
            Console.line("synth: the same clips in the BAH layout in " + out + " (tools/mer4j run configs/bah/ah.yaml --set data.root="
                    + out + ")");
        }
        return 0;
    }
}
