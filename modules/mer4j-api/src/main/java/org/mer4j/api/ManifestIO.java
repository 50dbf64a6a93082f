package org.mer4j.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads, validates and writes manifests in the {@code mer4j-manifest/2} JSON format; files in
 * {@code mer4j-manifest/1} are still read (see {@code data-manifests/README.md}). The data root is
 * the manifest's folder unless the file names another ({@code "root"}, relative to the manifest's
 * folder). Trace files ({@code labels.traces.file}) are read relative to the data root when the
 * manifest is loaded, and written back as file references only.
 */
public final class ManifestIO {
    /** The format this class writes. */
    public static final String FORMAT = "mer4j-manifest/2";
    /** The first format, still read: the same layout without the {@code /2} fields. */
    public static final String FORMAT_V1 = "mer4j-manifest/1";
    /** Every format {@link #read} accepts. */
    public static final List<String> READABLE_FORMATS = List.of(FORMAT, FORMAT_V1);

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The file layout: what is on disk, before the root is resolved. */
    public record ManifestFile(String format, String name, String root,
                               @JsonInclude(JsonInclude.Include.NON_NULL) @JsonDeserialize(using = StrictBooleanDeserializer.class)
                               Boolean allowOutsideRoot,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> classes, List<Clip> clips) {
    }

    /**
     * A clip file that cannot be used (see {@link DataRoot}); a run skips the clip under {@code reason}.
     *
     * @param clipId the clip
     * @param field the clip field ({@code video}, {@code audio}, {@code transcript}, {@code labels.traces.file})
     * @param reason {@code outside-data-root}, {@code not-a-regular-file}, {@code missing-file}, {@code bad-path} or {@code io-error}
     * @param message the clip, the field, the path, what it is and what to do
     */
    public record FileProblem(String clipId, String field, String reason, String message) {
    }

    private ManifestIO() {
    }

    /**
     * Reads a manifest, loads its trace files and validates it; see {@link #validate(Manifest, Path, boolean)}
     * (media files are not checked here). Every problem of the file is reported at once.
     *
     * @throws ManifestException naming the file, and for each problem the clip, the field and the fix
     */
    public static Manifest read(Path file) {
        return read(file, false);
    }

    /**
     * As {@link #read(Path)}; with {@code allowOutsideRoot} clip and trace paths may resolve outside
     * the data root even when the manifest does not say {@code "allowOutsideRoot": true} (the
     * experiment config's {@code data.allowOutsideRoot}).
     */
    public static Manifest read(Path file, boolean allowOutsideRoot) {
        JsonNode tree = readTree(file);
        checkFormat(file, tree);
        ManifestFile head = readHead(file, tree);
        Path dir = file.toAbsolutePath().getParent();
        Path root = head.root() == null ? dir : dir.resolve(head.root()).normalize();
        Map<String, List<String>> classes = ManifestChecker.usable(head.classes());
        boolean allowOutside = allowOutsideRoot || Boolean.TRUE.equals(head.allowOutsideRoot());
        ManifestChecker checks = new ManifestChecker(new DataRoot(root, allowOutside), classes, false);
        checks.checkClasses(head.classes());

        JsonNode clipNodes = tree.get("clips");
        if (clipNodes != null && !clipNodes.isNull() && !clipNodes.isArray()) {
            throw new ManifestException(file + ": field 'clips' must be a list of clips, got " + clipNodes.getNodeType().toString().toLowerCase(Locale.ROOT)
                    + "; write \"clips\": [ {...}, ... ]");
        }
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; clipNodes != null && i < clipNodes.size(); i++) {
            Clip c = readClip(clipNodes.get(i), i, checks);
            if (c != null) {
                c = loadTraces(c, i, checks, true);
                checks.checkClip(c, i);
                clips.add(c);
            }
        }
        checks.throwIfAny(file);
        return new Manifest(head.name() == null ? file.getFileName().toString() : head.name(), root, clips, classes, allowOutside);
    }

    /**
     * Checks the declared class lists and every clip: unique ids, a subject, at least one medium,
     * known split names, a positive duration, labels that match the declared classes, segments and
     * traces inside the clip, finite numbers. With {@code checkFiles}, also that media and trace
     * files exist; trace files not loaded yet are then read and checked too. Works on manifests
     * built in memory as well as on those read from disk.
     *
     * @param file what the messages name as the manifest (a file or the data root)
     * @throws ManifestException naming the first problems found (clip, field, fix)
     */
    public static void validate(Manifest m, Path file, boolean checkFiles) {
        ManifestChecker checks = new ManifestChecker(m.dataRoot(), m.classes(), checkFiles);
        checks.checkClasses(m.classes());
        for (int i = 0; i < m.clips().size(); i++) {
            checks.checkClip(m.clips().get(i), i);
        }
        checks.throwIfAny(file);
    }

    /**
     * This manifest with every trace file ({@code labels.traces.file}) that is not loaded yet read
     * from the data root, for manifests built in memory (e.g. by a {@link DatasetAdapter}).
     *
     * @param file what the messages name as the manifest
     * @throws ManifestException when a trace file is missing or malformed
     */
    public static Manifest loadTraces(Manifest m, Path file) {
        ManifestChecker checks = new ManifestChecker(m.dataRoot(), m.classes(), false);
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < m.clips().size(); i++) {
            clips.add(loadTraces(m.clips().get(i), i, checks, false));
        }
        checks.throwIfAny(file);
        return new Manifest(m.name(), m.root(), clips, m.classes(), m.allowOutsideRoot());
    }

    /**
     * Every clip file ({@code video}, {@code audio}, {@code transcript}, and trace files not loaded
     * yet) that {@link DataRoot#check} rejects: outside the data root, not a regular file (a
     * directory, pipe or device, found without opening it), missing, or not a path. Nothing is
     * opened. {@code tools/mer4j validate} lists these; a run skips such clips under the reason.
     */
    public static List<FileProblem> checkFiles(Manifest m) {
        ManifestChecker checks = new ManifestChecker(m.dataRoot(), m.classes(), true);
        for (int i = 0; i < m.clips().size(); i++) {
            checks.checkClip(m.clips().get(i), i);
        }
        return checks.fileProblems();
    }

    /**
     * Writes a manifest in {@link #FORMAT} atomically; clip paths stay relative, the root is
     * written relative to the file, {@code classes} only when declared. Traces that came from a
     * file are written as the file reference only (the CSV itself is left as it is).
     */
    public static void write(Path file, Manifest m) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String root = dir.equals(m.root().toAbsolutePath().normalize()) ? null : dir.relativize(m.root().toAbsolutePath()).toString();
        List<Clip> clips = m.clips().stream().map(ManifestIO::forWriting).toList();
        ManifestFile mf = new ManifestFile(FORMAT, m.name(), root, m.allowOutsideRoot() ? Boolean.TRUE : null, m.classes(), clips);
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(mf));
    }

    /** The clip as it is written: file-referenced traces without their loaded samples. */
    private static Clip forWriting(Clip c) {
        LabelTraces t = c.labels().traces();
        if (t == null || t.file() == null || (t.times() == null && t.values() == null)) {
            return c;
        }
        ClipLabels l = c.labels();
        return c.withLabels(new ClipLabels(l.emotion(), l.emotionDistribution(), l.ahSegments(), l.ahVideo(), l.inconsistent(),
                l.inconsistentSegments(), l.dimensions(), new LabelTraces(t.file(), null, null)));
    }

    /**
     * The clip with its trace file read, or unchanged (after adding a problem when the file cannot be
     * used). {@code fromFile}: the clip was just read from JSON, where a file and inline samples together are an error.
     */
    private static Clip loadTraces(Clip c, int index, ManifestChecker checks, boolean fromFile) {
        LabelTraces t = c.labels().traces();
        if (t == null || t.file() == null || t.file().isBlank()) {
            return c;
        }
        String where = ManifestChecker.where(c.id(), index);
        if (fromFile && (t.times() != null || t.values() != null)) {
            checks.add(where + ": field 'labels.traces' gives both 'file' and inline 'times'/'values'; give one of them");
            return c;
        }
        if (t.loaded()) {
            return c;
        }
        LabelTraces loaded = checks.load(c.id(), where, t);
        if (loaded == null) {
            return c;
        }
        ClipLabels l = c.labels();
        return c.withLabels(new ClipLabels(l.emotion(), l.emotionDistribution(), l.ahSegments(), l.ahVideo(), l.inconsistent(),
                l.inconsistentSegments(), l.dimensions(), loaded));
    }

    private static JsonNode readTree(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ManifestException(file + ": not a regular file (a directory, pipe or device); it was not opened; give the manifest JSON file");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ManifestException(file + ": not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + e.getOriginalMessage() + "; fix the JSON syntax", e);
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read manifest (" + e.getMessage() + "); check the path", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ManifestException(file + ": not a manifest; a manifest is a JSON object {\"format\": \"" + FORMAT + "\", \"clips\": [...]}");
        }
        return tree;
    }

    private static void checkFormat(Path file, JsonNode tree) {
        JsonNode f = tree.get("format");
        if (f == null || !f.isTextual() || !READABLE_FORMATS.contains(f.asText())) {
            throw new ManifestException(file + ": field 'format' must be \"" + FORMAT + "\" or \"" + FORMAT_V1 + "\", got "
                    + (f == null ? "nothing" : f.toString()) + "; set it to one of those (mer4j writes " + FORMAT + ")");
        }
    }

    /** The top-level fields, without the clips (those are read one by one so each problem can name its clip). */
    private static ManifestFile readHead(Path file, JsonNode tree) {
        ObjectNode head = ((ObjectNode) tree).deepCopy();
        head.remove("clips");
        try {
            return MAPPER.treeToValue(head, ManifestFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ManifestException(file + ": unknown field '" + e.getPropertyName() + "' at top level; known fields: "
                    + e.getKnownPropertyIds() + ". Remove or rename it.");
        } catch (JsonProcessingException e) {
            throw new ManifestException(file + ": field '" + path(e) + "' " + mismatch(e) + "; fix the value", e);
        }
    }

    /** Reads one clip, or returns null after adding a problem that names the clip and the field. */
    private static Clip readClip(JsonNode node, int index, ManifestChecker checks) {
        if (!node.isObject()) {
            checks.add("clip #" + index + ": is " + node.getNodeType().toString().toLowerCase(Locale.ROOT) + ", not an object; give {\"id\": ..., \"subject\": ..., ...}");
            return null;
        }
        JsonNode idNode = node.get("id");
        if (idNode == null || !idNode.isTextual()) {
            checks.add("clip #" + index + ": field 'id' is " + (idNode == null ? "missing" : idNode.toString())
                    + "; give every clip a unique id (a string)");
            return null;
        }
        String where = ManifestChecker.where(idNode.asText(), index);
        try {
            return MAPPER.treeToValue(node, Clip.class);
        } catch (UnrecognizedPropertyException e) {
            checks.add(where + ": unknown field '" + path(e) + "'; known fields there: " + e.getKnownPropertyIds() + "; remove or rename it");
        } catch (StrictBooleanDeserializer.NotABooleanException e) {
            checks.add(where + ": field '" + path(e) + "' " + e.getOriginalMessage());
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String why = cause instanceof NullPointerException || cause.getMessage() == null
                    ? "holds a null where a value is needed (e.g. a null list entry)" : "is invalid: " + cause.getMessage();
            checks.add(where + ": field '" + path(e) + "' " + why + "; fix or remove it");
        } catch (JsonProcessingException e) {
            checks.add(where + ": field '" + path(e) + "' " + mismatch(e) + "; fix the value");
        }
        return null;
    }

    /** What is wrong with a value Jackson could not map, in the manifest's words rather than Java types. */
    private static String mismatch(JsonProcessingException e) {
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null) {
            Object v = ife.getValue();
            return "is " + (v instanceof String str ? "\"" + Excerpt.of(str) + "\"" : Excerpt.of(String.valueOf(v))) + ", not " + kind(ife.getTargetType());
        }
        if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            return "has the wrong type: expected " + kind(mie.getTargetType());
        }
        return "cannot be read (" + e.getOriginalMessage() + ")";
    }

    private static String kind(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** The JSON path of a mapping error, e.g. {@code labels.ahSegments[1]}. */
    private static String path(JsonProcessingException e) {
        if (e instanceof JsonMappingException jme) {
            StringBuilder sb = new StringBuilder();
            for (var ref : jme.getPath()) {
                sb.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
            }
            return sb.length() == 0 ? "top level" : sb.substring(sb.charAt(0) == '.' ? 1 : 0);
        }
        return "top level";
    }
}
