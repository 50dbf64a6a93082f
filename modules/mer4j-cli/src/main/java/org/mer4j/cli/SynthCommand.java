package org.mer4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mer4j.api.Manifest;
import org.mer4j.synth.ConflictDesign;
import org.mer4j.synth.CorpusGenerator;
import org.mer4j.synth.SynthConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mer4j synth --out DIR}: writes a seeded synthetic multimodal corpus with its manifest. */
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

    @Override
    public Integer call() throws Exception {
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
        Manifest m = CorpusGenerator.generate(cfg, out);
        Console.line(String.format("synth: %d clips of %d subjects written to %s in %.1f s", m.clips().size(), subjects,
                out.resolve("manifest.json"), (System.nanoTime() - t0) / 1e9));
        return 0;
    }
}
