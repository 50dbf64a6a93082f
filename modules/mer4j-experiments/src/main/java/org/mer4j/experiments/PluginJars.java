package org.mer4j.experiments;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.mer4j.features.Hashing;

/**
 * The plug-in jars an experiment names in {@code plugins:} (jars, or folders of jars), and the class
 * loader through which the fusion, task and extractor registries find their providers. Also names
 * the jar a provider class came from, so provenance and the run-reuse key can pin it by sha256
 * (plug-ins put on the class path by the launcher's {@code --plugins} count the same way).
 *
 * @param jars the jars, in the order named (a folder's jars sorted by file name)
 */
public record PluginJars(List<Path> jars) {
    public PluginJars {
        jars = List.copyOf(jars);
    }

    /**
     * Resolves {@code entries} against {@code baseDir}.
     *
     * @throws IllegalArgumentException naming {@code plugins[i]}, the path and what was expected
     */
    public static PluginJars find(List<String> entries, Path baseDir) {
        List<Path> jars = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Path p = baseDir.resolve(entries.get(i)).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                List<Path> inFolder;
                try (Stream<Path> list = Files.list(p)) {
                    inFolder = list.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
                } catch (IOException e) {
                    throw new IllegalArgumentException("plugins[" + i + "]: cannot list the folder " + p + ": " + e.getMessage(), e);
                }
                if (inFolder.isEmpty()) {
                    throw new IllegalArgumentException("plugins[" + i + "]: the folder " + p + " holds no .jar file; build the plug-in"
                            + " (mvn package) and copy its jar there, or remove the entry");
                }
                jars.addAll(inFolder);
            } else if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar")) {
                jars.add(p);
            } else {
                throw new IllegalArgumentException("plugins[" + i + "]: " + p + (Files.exists(p) ? " is not a .jar file or a folder of jars"
                        : " does not exist") + "; give a plug-in jar or a folder of plug-in jars (relative to the working directory)");
            }
        }
        return new PluginJars(jars);
    }

    /** A loader over the jars whose parent is {@code parent}; {@code parent} itself when there are none. */
    public ClassLoader classLoader(ClassLoader parent) {
        if (jars.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return new URLClassLoader("mer4j-plugins", urls, parent);
    }

    /** The jar file {@code c} was loaded from, or null (a class folder, the JDK). */
    public static Path jarOf(Class<?> c) {
        try {
            var source = c.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * For provenance: every provider class in {@code providers} from outside mer4j itself (not in an
     * {@code org.mer4j} package), with its jar and the jar's sha256, sorted by class name.
     */
    public static List<Map<String, String>> describe(Collection<Class<?>> providers) throws IOException {
        Map<String, Map<String, String>> byClass = new TreeMap<>();
        for (Class<?> c : providers) {
            if (c.getName().startsWith("org.mer4j.")) {
                continue;
            }
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("provider", c.getName());
            Path jar = jarOf(c);
            entry.put("jar", jar == null ? "(class folder, not a jar)" : jar.toString());
            entry.put("sha256", jar == null ? "" : Hashing.sha256(jar));
            byClass.put(c.getName(), entry);
        }
        return List.copyOf(byClass.values());
    }
}
