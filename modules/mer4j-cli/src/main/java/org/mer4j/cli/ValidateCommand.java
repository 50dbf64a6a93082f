package org.mer4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mer4j validate <manifest.json>}: checks a manifest, and that every clip file exists, is a
 * regular file (not a directory, pipe or device; found without opening it) and resolves, after
 * symbolic links, inside the data root. Every clip file problem is listed with its reason (the
 * reason a run would skip the clip under); exit code 1 when there is any, 2 when the manifest
 * itself is invalid.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate a manifest and check its files: present, regular files, inside the data root.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "manifest file (mer4j-manifest/2 or /1 JSON)")
    Path manifest;

    @Option(names = "--allow-outside-root",
            description = "accept clip files that resolve outside the data root (what data.allowOutsideRoot: true does in a run)")
    boolean allowOutsideRoot;

    @Override
    public Integer call() {
        Manifest m = ManifestIO.read(manifest, allowOutsideRoot);
        List<ManifestIO.FileProblem> problems = ManifestIO.checkFiles(m);
        long subjects = m.clips().stream().map(c -> c.subject()).distinct().count();
        if (!problems.isEmpty()) {
            Map<String, Integer> byReason = new TreeMap<>();
            problems.forEach(p -> byReason.merge(p.reason(), 1, Integer::sum));
            System.out.println(manifest + ": " + problems.size() + " clip file problem(s) " + byReason + "; a run skips these clips:");
            problems.forEach(p -> System.out.println("  " + p.message()));
            return 1;
        }
        ManifestIO.validate(m, manifest, true);
        System.out.println(manifest + ": OK, " + m.clips().size() + " clips, " + subjects + " subjects, data root " + m.root()
                + (m.allowOutsideRoot() ? " (files outside it allowed)" : ""));
        return 0;
    }
}
