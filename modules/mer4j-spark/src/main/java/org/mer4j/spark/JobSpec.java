package org.mer4j.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.mer4j.experiments.ConfigLoader;
import org.mer4j.features.Hashing;

/**
 * What a Spark task is handed about its experiment: the resolved config as text and the folders it
 * resolves against, all of them paths on storage every node shares. Executors rebuild everything
 * else (extractors, manifest, plan) from this.
 *
 * @param configYaml the resolved config ({@link ConfigLoader.Resolved#yaml()})
 * @param configSource the config file it was resolved from (messages and provenance)
 * @param projectDir the folder relative config paths resolve against (absolute)
 * @param runsDir where experiment folders go (absolute)
 */
public record JobSpec(String configYaml, String configSource, String projectDir, String runsDir) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The spec of a resolved config, with absolute folders. */
    public static JobSpec of(ConfigLoader.Resolved resolved, Path projectDir, Path runsDir) {
        return new JobSpec(resolved.yaml(), resolved.source().toString(), projectDir.toAbsolutePath().normalize().toString(),
                runsDir.toAbsolutePath().normalize().toString());
    }

    /** The config again, as the driver resolved it. */
    public ConfigLoader.Resolved resolve() {
        return ConfigLoader.fromResolvedYaml(configYaml, Path.of(configSource));
    }

    public Path project() {
        return Path.of(projectDir);
    }

    public Path runs() {
        return Path.of(runsDir);
    }

    /** Identifies the spec in an executor's caches. */
    String key() {
        return Hashing.sha256(configYaml + "\n" + configSource + "\n" + projectDir + "\n" + runsDir);
    }
}
