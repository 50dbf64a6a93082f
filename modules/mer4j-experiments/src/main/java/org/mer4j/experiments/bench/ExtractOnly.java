package org.mer4j.experiments.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestIO;
import org.mer4j.experiments.ConfigLoader;
import org.mer4j.experiments.ExperimentConfig;
import org.mer4j.experiments.FeaturePipeline;

/**
 * Runs only the data half of an experiment config: the same {@link FeaturePipeline} that
 * {@code tools/mer4j run} runs before training (configured extractors, feature cache, alignment on the
 * timeline) over the config's manifest, then stops. Prints the extraction report and, as its last
 * line, one JSON object: clips, extracted, cached, skipped (with reasons), extraction seconds, wall
 * seconds, and per aligned clip its timeline steps and feature dimension.
 * Usage: {@code ExtractOnly CONFIG [--set key.path=value]...} (a config with {@code data.manifest};
 * dataset adapters are not supported here).
 */
public final class ExtractOnly {
    private ExtractOnly() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--build-only")) {
            return;
        }
        if (args.length < 1) {
            System.err.println("usage: ExtractOnly CONFIG [--set key.path=value]...");
            System.exit(2);
        }
        List<String> overrides = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].equals("--set") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --set key.path=value, got '" + args[i] + "'");
            }
            overrides.add(args[++i]);
        }
        long t0 = System.nanoTime();
        ConfigLoader.Resolved resolved = ConfigLoader.load(Path.of(args[0]), overrides);
        ExperimentConfig cfg = resolved.config();
        if (cfg.data().manifest() == null || cfg.data().manifest().isBlank()) {
            throw new IllegalArgumentException(args[0] + ": data.manifest is required here (dataset adapters are not supported by"
                    + " ExtractOnly); write a manifest (data-manifests/README.md)");
        }
        Path projectDir = Path.of("").toAbsolutePath();
        Path manifestFile = projectDir.resolve(cfg.data().manifest());
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalArgumentException(args[0] + ": data.manifest " + manifestFile + " does not exist");
        }
        Manifest manifest = ManifestIO.read(manifestFile, cfg.data().allowOutsideRoot());
        if (cfg.data().root() != null) {
            manifest = manifest.withRoot(projectDir.resolve(cfg.data().root()));
        }
        FeaturePipeline.Result r = FeaturePipeline.run(cfg, resolved.plugins().extractors(), manifest, projectDir, System.err::println);
        double wall = (System.nanoTime() - t0) / 1e9;
        StringBuilder clips = new StringBuilder();
        for (AlignedClip c : r.clips()) {
            StringBuilder dims = new StringBuilder();
            c.dims().forEach((m, d) -> dims.append(dims.length() == 0 ? "" : ", ").append('"').append(m).append("\": ").append(d));
            clips.append(clips.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "{\"id\": \"%s\", \"steps\": %d, \"dims\": {%s}}",
                    c.clipId().replace("\"", "'"), c.steps(), dims));
        }
        StringBuilder skipped = new StringBuilder();
        r.skipped().forEach(s -> skipped.append(skipped.length() == 0 ? "" : ", ")
                .append(String.format("\"%s: %s (%s)\"", s.clipId(), s.reason(), s.message().replace("\"", "'")).replace("\\", "/")));
        System.out.printf(Locale.ROOT, "{\"clips\": %d, \"extracted\": %d, \"cached\": %d, \"skipped\": [%s],"
                        + " \"extraction_seconds\": %.3f, \"wall_seconds\": %.3f, \"aligned\": [%s]}%n",
                r.report().clips(), r.report().extracted(), r.report().cached(), skipped, r.report().seconds(), wall, clips);
    }
}
