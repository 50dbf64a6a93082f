package org.mer4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mer4j.synth.CorpusGenerator;
import org.mer4j.synth.SynthConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mer4j quickstart}: generates the synthetic corpus into {@code data/quickstart} (once) and
 * runs {@code configs/quickstart.yaml}, in the mer4j folder.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Generate the synthetic corpus (if absent) and run configs/quickstart.yaml.")
final class QuickstartCommand implements Callable<Integer> {
    @Option(names = "--set", description = "override a config value (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("mer4j.home", ".")).toAbsolutePath().normalize();
        Path corpus = home.resolve("data/quickstart");
        if (!Files.isRegularFile(corpus.resolve("manifest.json"))) {
            long t0 = System.nanoTime();
            var m = CorpusGenerator.generate(SynthConfig.quickstart(), corpus);
            Console.line(String.format("synth: generated %d clips into %s in %.1f s", m.clips().size(), corpus, (System.nanoTime() - t0) / 1e9));
        } else {
            Console.line("synth: using the corpus already in " + corpus + " (delete it to regenerate)");
        }
        return RunCommand.runExperiment(home.resolve("configs/quickstart.yaml"), overrides, home, Path.of("runs"));
    }
}
