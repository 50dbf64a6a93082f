package org.mer4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mer4j validate <manifest.json>}: checks a manifest and that its media files exist. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Validate a manifest and check its files exist.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "manifest file (mer4j-manifest/1 JSON)")
    Path manifest;

    @Override
    public Integer call() {
        Manifest m = ManifestIO.read(manifest);
        ManifestIO.validate(m, manifest, true);
        long subjects = m.clips().stream().map(c -> c.subject()).distinct().count();
        System.out.println(manifest + ": OK, " + m.clips().size() + " clips, " + subjects + " subjects, data root " + m.root());
        return 0;
    }
}
