package org.mer4j.experiments.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.DatasetAdapter;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A corpus of one's own as class folders: {@code <root>/<class>/<file>} (sub-folders below a class
 * folder are allowed), the folder name being the clip's {@code emotion}. A file is audio or video by
 * its extension ({@link #AUDIO}, {@link #VIDEO}); any other file inside a class folder is an error
 * (hidden files such as {@code .DS_Store} are skipped), files directly in {@code root} are ignored.
 * Clip id = the path under root without extension ({@code happy/spk01_003}).
 *
 * <p>The subject of each file, which subject-independent splits need, comes from one of
 * <ul>
 *   <li>option {@code subjectPattern}: a Java regular expression with a named group {@code subject},
 *       searched in the path under the class folder (e.g. {@code ^(?<subject>[^_]+)_} for
 *       {@code spk01_003.wav}, {@code ^(?<subject>[^/]+)/} for speaker sub-folders); a file it does
 *       not match is an error;</li>
 *   <li>option {@code subjects}: a CSV relative to root with the header {@code file,subject} and one
 *       row per file, {@code file} being the path under root ({@code happy/spk01_003.wav}); a file
 *       without a row is an error. {@code <root>/subjects.csv} is used when neither option is given;</li>
 *   <li>{@code subjects: none}: no subject information; every clip is its own subject, so splits are
 *       <em>not</em> subject-independent. Without any of these the load fails and says so.</li>
 * </ul>
 */
public final class FoldersAdapter implements DatasetAdapter {
    /** Name in configs. */
    public static final String NAME = "folders";

    /** Audio file extensions. */
    static final Set<String> AUDIO = Set.of("wav", "flac", "mp3", "m4a", "aac", "ogg", "opus", "wma", "aif", "aiff");
    /** Video file extensions. */
    static final Set<String> VIDEO = Set.of("mp4", "m4v", "mkv", "avi", "mov", "webm", "flv", "mpg", "mpeg", "wmv", "3gp");
    static final String DEFAULT_CSV = "subjects.csv";
    private static final Logger LOG = LoggerFactory.getLogger(FoldersAdapter.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String expectedLayout() {
        return "class folders <root>/<class>/<file> (audio or video files), with subjects from data.options.subjectPattern,"
                + " data.options.subjects (a file,subject CSV) or <root>/subjects.csv";
    }

    @Override
    public Manifest load(Path root, Path workDir) throws IOException {
        return load(root, workDir, Map.of());
    }

    @Override
    public Manifest load(Path corpus, Path workDir, Map<String, String> options) throws IOException {
        AdapterOptions o = AdapterOptions.of(NAME, options, "subjectPattern", "subjects");
        Path root = CorpusFiles.folder(corpus, expectedLayout());
        Pattern pattern = o.has("subjectPattern") ? pattern(o.string("subjectPattern", null)) : null;
        String subjects = o.string("subjects", null);
        if (pattern != null && subjects != null) {
            throw new ManifestException("data.options: give subjectPattern or subjects, not both");
        }
        boolean none = "none".equals(subjects);
        Map<String, String> table = null;
        if (pattern == null && !none) {
            Path csv = root.resolve(subjects == null ? DEFAULT_CSV : subjects).normalize();
            if (!Files.isRegularFile(csv)) {
                throw new ManifestException("data.root " + root + ": no subject for the files; " + (subjects == null ? "there is no "
                        + DEFAULT_CSV + ", and neither data.options.subjectPattern nor data.options.subjects is given"
                        : "data.options.subjects names " + csv + ", which does not exist") + ". Subject-independent splits need the"
                        + " speaker of every file: give subjectPattern (a regex with a group (?<subject>...)), a file,subject CSV, or"
                        + " subjects: none to treat every clip as its own subject (splits are then not subject-independent)");
            }
            table = table(csv);
        }
        List<Clip> clips = new ArrayList<>();
        Set<String> classes = new TreeSet<>();
        Set<String> used = new java.util.HashSet<>();
        for (Path classDir : CorpusFiles.folders(root)) {
            String label = classDir.getFileName().toString();
            List<Path> files = CorpusFiles.walk(classDir);
            if (files.isEmpty()) {
                LOG.warn("folders: class folder {} is empty", classDir);
                continue;
            }
            classes.add(label);
            for (Path f : files) {
                String ext = CorpusFiles.extension(f);
                boolean audio = AUDIO.contains(ext);
                if (!audio && !VIDEO.contains(ext)) {
                    throw new ManifestException(f + ": neither audio " + new TreeSet<>(AUDIO) + " nor video " + new TreeSet<>(VIDEO)
                            + " by its extension; class folders hold media only. Move it out of " + classDir);
                }
                String rel = CorpusFiles.relative(root, f);
                String underClass = CorpusFiles.relative(classDir, f);
                String id = rel.substring(0, rel.length() - ext.length() - 1);
                String subject;
                if (none) {
                    subject = id;
                } else if (pattern != null) {
                    Matcher m = pattern.matcher(underClass);
                    if (!m.find() || m.group("subject") == null || m.group("subject").isBlank()) {
                        throw new ManifestException(f + ": data.options.subjectPattern " + org.mer4j.api.Excerpt.quote(pattern.pattern())
                                + " finds no subject in '" + org.mer4j.api.Excerpt.of(underClass) + "'; fix the pattern or the file name");
                    }
                    subject = m.group("subject");
                } else {
                    subject = table.get(rel);
                    if (subject == null) {
                        throw new ManifestException(f + ": no row '" + org.mer4j.api.Excerpt.of(rel) + ",<subject>' in the subjects CSV; add one"
                                + " (the file column is the path under data.root)");
                    }
                    used.add(rel);
                }
                clips.add(new Clip(id, subject, audio ? null : rel, audio ? rel : null, null, new ClipLabels(label, List.of(), null, null),
                        null, Map.of("class", label)));
            }
        }
        if (clips.isEmpty()) {
            throw new ManifestException("data.root " + root + ": no class folder holds media; give " + expectedLayout());
        }
        Set<String> ids = new java.util.HashSet<>();
        for (Clip c : clips) {
            if (!ids.add(c.id())) {
                throw new ManifestException("data.root " + root + ": two files are both clip '" + c.id() + "' (same name, different extension);"
                        + " rename one");
            }
        }
        if (table != null && used.size() < table.size()) {
            LOG.warn("folders: {} rows of the subjects CSV name no media file under {}", table.size() - used.size(), root);
        }
        if (none) {
            LOG.warn("folders: subjects: none — every clip is its own subject; splits are not subject-independent");
        }
        return new Manifest(NAME, root, clips, Map.of("emotion", List.copyOf(classes)));
    }

    private static Pattern pattern(String regex) {
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ManifestException("data.options.subjectPattern: not a valid regular expression (" + e.getDescription() + " at index "
                    + e.getIndex() + "); e.g. ^(?<subject>[^_]+)_");
        }
        if (!regex.contains("(?<subject>")) {
            throw new ManifestException("data.options.subjectPattern " + org.mer4j.api.Excerpt.quote(regex)
                    + " has no named group (?<subject>...); e.g. ^(?<subject>[^_]+)_ takes the part before the first '_'");
        }
        return p;
    }

    /** file (path under root) to subject. */
    private static Map<String, String> table(Path csv) throws IOException {
        SimpleCsv t = SimpleCsv.read(csv, "file", "subject");
        Map<String, String> out = new HashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (SimpleCsv.Row r : t.rows()) {
            String file = r.get("file").replace('\\', '/');
            if (file.startsWith("./")) {
                file = file.substring(2);
            }
            if (r.get("subject").isBlank()) {
                throw new ManifestException(csv + " line " + r.line() + ": empty subject for '" + org.mer4j.api.Excerpt.of(file) + "'");
            }
            Integer before = lines.put(file, r.line());
            if (before != null) {
                throw new ManifestException(csv + " line " + r.line() + ": '" + org.mer4j.api.Excerpt.of(file) + "' is already on line " + before
                        + "; give each file once");
            }
            out.put(file, r.get("subject"));
        }
        return out;
    }
}
