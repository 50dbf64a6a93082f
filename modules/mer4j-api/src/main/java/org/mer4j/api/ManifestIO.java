package org.mer4j.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads, validates and writes manifests in the {@code mer4j-manifest/1} JSON format
 * (see {@code data-manifests/README.md}). The data root is the manifest's folder unless the file
 * names another ({@code "root"}, relative to the manifest's folder).
 */
public final class ManifestIO {
    public static final String FORMAT = "mer4j-manifest/1";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The file layout: what is on disk, before the root is resolved. */
    public record ManifestFile(String format, String name, String root, List<Clip> clips) {
    }

    private ManifestIO() {
    }

    /** Reads a manifest and validates it; see {@link #validate(Manifest, Path, boolean)}. */
    public static Manifest read(Path file) {
        ManifestFile mf;
        try {
            mf = MAPPER.readValue(file.toFile(), ManifestFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ManifestException(file + ": unknown field '" + e.getPropertyName() + "' at " + path(e)
                    + "; known fields: " + e.getKnownPropertyIds() + ". Remove or rename it.");
        } catch (JsonProcessingException e) {
            throw new ManifestException(file + ": not a valid " + FORMAT + " manifest at " + path(e) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read manifest (" + e.getMessage() + "); check the path", e);
        }
        if (!FORMAT.equals(mf.format())) {
            throw new ManifestException(file + ": field 'format' must be \"" + FORMAT + "\", got " + mf.format());
        }
        Path dir = file.toAbsolutePath().getParent();
        Path root = mf.root() == null ? dir : dir.resolve(mf.root()).normalize();
        Manifest m = new Manifest(mf.name() == null ? file.getFileName().toString() : mf.name(), root,
                mf.clips() == null ? List.of() : mf.clips());
        validate(m, file, false);
        return m;
    }

    /**
     * Checks every clip: unique ids, a subject, at least one medium, known split names, A/H
     * segments inside sane bounds. With {@code checkFiles}, also that media files exist.
     *
     * @throws ManifestException naming the first problems found (clip, field, fix)
     */
    public static void validate(Manifest m, Path file, boolean checkFiles) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < m.clips().size(); i++) {
            Clip c = m.clips().get(i);
            String where = "clip '" + c.id() + "' (#" + i + ")";
            if (!ids.add(c.id())) {
                problems.add(where + ": field 'id' repeats an earlier clip; ids must be unique");
            }
            if (c.subject() == null || c.subject().isBlank()) {
                problems.add(where + ": field 'subject' is missing; give the participant id so splits stay subject-independent");
            }
            if (c.video() == null && c.audio() == null && c.transcript() == null) {
                problems.add(where + ": no 'video', 'audio' or 'transcript'; give at least one path relative to the data root");
            }
            if (c.split() != null && !Set.of("train", "val", "test").contains(c.split())) {
                problems.add(where + ": field 'split' is '" + c.split() + "'; use train, val or test, or leave it out");
            }
            if (checkFiles) {
                for (String[] f : new String[][] {{"video", c.video()}, {"audio", c.audio()}, {"transcript", c.transcript()}}) {
                    if (f[1] != null && !Files.isRegularFile(m.resolve(f[1]))) {
                        problems.add(where + ": field '" + f[0] + "' points to " + m.resolve(f[1]) + ", which does not exist; fix the path or the data root");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            int shown = Math.min(problems.size(), 10);
            throw new ManifestException(file + ": " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems.subList(0, shown))
                    + (problems.size() > shown ? "\n  ..." : ""));
        }
    }

    /** Writes a manifest atomically; clip paths stay relative, the root is written relative to the file. */
    public static void write(Path file, Manifest m) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String root = dir.equals(m.root().toAbsolutePath().normalize()) ? null : dir.relativize(m.root().toAbsolutePath()).toString();
        ManifestFile mf = new ManifestFile(FORMAT, m.name(), root, m.clips());
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(mf));
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException jme) {
            StringBuilder sb = new StringBuilder();
            for (var ref : jme.getPath()) {
                sb.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
            }
            return sb.length() == 0 ? "top level" : sb.substring(sb.charAt(0) == '.' ? 1 : 0);
        }
        return "top level";
    }
}
