package org.mer4j.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the {@code MKL_CBWR} value a config's {@code runtime.mklBranch} needs (e.g. {@code AVX2}).
 * MKL reads that variable once, when it starts, so {@code tools/mer4j run} and {@code tools/mer4j
 * spark run} ask this before they start the JVM of the run. Arguments: the config, then the
 * command's other arguments, of which only {@code --set key=value} counts. Exit code 2 with the
 * config's error when it cannot be loaded.
 */
public final class MklBranchMain {
    private MklBranchMain() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(branch(List.of(args)));
        } catch (RuntimeException e) {
            System.err.println("mkl-branch: " + e.getMessage());
            System.exit(2);
        }
    }

    /** The {@code MKL_CBWR} value for {@code args} (config first, then {@code --set k=v} among other arguments). */
    static String branch(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("give the experiment config, e.g. configs/meld/text.yaml [--set key=value]...");
        }
        List<String> overrides = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--set") && i + 1 < args.size()) {
                overrides.add(args.get(++i));
            } else if (a.startsWith("--set=")) {
                overrides.add(a.substring("--set=".length()));
            }
        }
        return ConfigLoader.load(Path.of(args.get(0)), overrides).config().runtime().mklCbwr();
    }
}
