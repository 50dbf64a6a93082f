package org.mer4j.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validation rules of {@code mer4j-manifest/2}, applied clip by clip. Problems are collected,
 * not thrown one at a time, so a user sees every mistake of a file at once; each names the clip
 * (or top-level field), the field and what to do.
 */
final class ManifestChecker {
    /** Slack for comparing label times with a clip's duration (seconds). */
    static final double TIME_TOLERANCE = 1e-6;
    private static final Set<String> SPLITS = Set.of("train", "val", "test");

    private final DataRoot root;
    private final Map<String, List<String>> classes;
    private final boolean checkFiles;
    private final List<String> problems = new ArrayList<>();
    private final List<ManifestIO.FileProblem> fileProblems = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    /**
     * @param root data root that clip paths resolve against, with its policy for paths outside it
     * @param classes declared class lists (already free of nulls, see {@link #usable})
     * @param checkFiles also check that media and trace files exist, and load unloaded trace files to check them
     */
    ManifestChecker(DataRoot root, Map<String, List<String>> classes, boolean checkFiles) {
        this.root = root;
        this.classes = classes;
        this.checkFiles = checkFiles;
    }

    /** The clip files that failed {@link DataRoot#check} so far (with {@code checkFiles}), one entry each. */
    List<ManifestIO.FileProblem> fileProblems() {
        return List.copyOf(fileProblems);
    }

    static String where(String id, int index) {
        return "clip '" + id + "' (#" + index + ")";
    }

    void add(String problem) {
        problems.add(problem);
    }

    /** Throws a {@link ManifestException} listing the first problems, if there are any. */
    void throwIfAny(Path file) {
        if (!problems.isEmpty()) {
            int shown = Math.min(problems.size(), 10);
            throw new ManifestException(file + ": " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems.subList(0, shown))
                    + (problems.size() > shown ? "\n  ..." : ""));
        }
    }

    /** The declared class lists without null lists or entries (those are reported by {@link #checkClasses}). */
    static Map<String, List<String>> usable(Map<String, List<String>> raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((k, v) -> {
                if (v != null) {
                    out.put(k, v.stream().filter(x -> x != null).toList());
                }
            });
        }
        return out;
    }

    /** Checks the top-level {@code classes}: every list non-empty, no blank names, no repeats. */
    void checkClasses(Map<String, List<String>> raw) {
        if (raw == null) {
            return;
        }
        raw.forEach((label, list) -> {
            String field = "field 'classes." + label + "'";
            if (label.isBlank()) {
                add("field 'classes' has a class list without a name; name the label it belongs to (e.g. \"emotion\")");
            }
            if (list == null || list.isEmpty()) {
                add(field + " is " + (list == null ? "null" : "empty") + "; list the class names or drop the entry");
                return;
            }
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < list.size(); k++) {
                String name = list.get(k);
                if (name == null || name.isBlank()) {
                    add(field + " has a blank entry at index " + k + "; give a class name or remove it");
                } else if (!seen.add(name)) {
                    add(field + " lists " + Excerpt.quote(name) + " twice; list each class once");
                }
            }
        });
    }

    /** Checks one clip; {@code index} is its position in the file. */
    void checkClip(Clip c, int index) {
        String where = where(c.id(), index);
        if (!ids.add(c.id())) {
            add(where + ": field 'id' repeats an earlier clip; ids must be unique");
        }
        if (c.subject() == null || c.subject().isBlank()) {
            add(where + ": field 'subject' is missing; give the participant id so splits stay subject-independent");
        }
        if (c.video() == null && c.audio() == null && c.transcript() == null) {
            add(where + ": no 'video', 'audio' or 'transcript'; give at least one path relative to the data root");
        }
        if (c.split() != null && !SPLITS.contains(c.split())) {
            add(where + ": field 'split' is " + Excerpt.quote(c.split()) + "; use train, val or test, or leave it out");
        }
        if (checkFiles) {
            for (String[] f : new String[][] {{"video", c.video()}, {"audio", c.audio()}, {"transcript", c.transcript()}}) {
                if (f[1] != null) {
                    checkFile(c.id(), where, f[0], f[1]);
                }
            }
        }
        Double duration = c.duration();
        if (duration != null && !(Double.isFinite(duration) && duration > 0)) {
            add(where + ": field 'duration' is " + duration + "; give the clip length in seconds (> 0) or leave it out");
            duration = null;
        }
        checkLabels(c.id(), where, c.labels(), duration);
    }

    private void checkLabels(String clipId, String where, ClipLabels l, Double duration) {
        List<String> emotions = classes.getOrDefault("emotion", List.of());
        if (l.emotion() != null && !emotions.isEmpty() && !emotions.contains(l.emotion())) {
            add(where + ": field 'labels.emotion' is " + Excerpt.quote(l.emotion()) + ", which is not in classes.emotion " + emotions
                    + "; use one of those or add it to 'classes.emotion'");
        }
        if (l.emotionDistribution() != null) {
            checkDistribution(where, l.emotionDistribution(), emotions);
        }
        checkSegments(where, "labels.ahSegments", l.ahSegments(), duration);
        if (l.inconsistentSegments() != null) {
            checkSegments(where, "labels.inconsistentSegments", l.inconsistentSegments(), duration);
        }
        if (l.dimensions() != null) {
            l.dimensions().forEach((name, v) -> {
                if (v == null || !Double.isFinite(v)) {
                    add(where + ": field 'labels.dimensions." + name + "' is " + v + "; give a finite number or leave the dimension out");
                }
            });
        }
        if (l.traces() != null) {
            checkTraces(clipId, where, l.traces(), duration);
        }
    }

    private void checkDistribution(String where, Map<String, Double> dist, List<String> emotions) {
        String field = "field 'labels.emotionDistribution'";
        double sum = 0;
        boolean allValid = true;
        for (Map.Entry<String, Double> e : dist.entrySet()) {
            if (!emotions.isEmpty() && !emotions.contains(e.getKey())) {
                add(where + ": " + field + " has class " + Excerpt.quote(e.getKey()) + ", which is not in classes.emotion " + emotions
                        + "; use one of those or add it to 'classes.emotion'");
            }
            Double v = e.getValue();
            if (v == null || !Double.isFinite(v) || v < 0) {
                add(where + ": field 'labels.emotionDistribution." + e.getKey() + "' is " + v + "; give votes or a probability (finite, >= 0)");
                allValid = false;
            } else {
                sum += v;
            }
        }
        if (allValid && !(sum > 0)) {
            add(where + ": " + field + " sums to 0; give at least one class a positive weight, or leave the field out");
        }
    }

    private void checkSegments(String where, String field, List<TimeSegment> segments, Double duration) {
        if (duration == null) {
            return; // 0 <= start < end is enforced by TimeSegment itself
        }
        for (int k = 0; k < segments.size(); k++) {
            TimeSegment s = segments.get(k);
            if (s.end() > duration + TIME_TOLERANCE) {
                add(where + ": field '" + field + "[" + k + "]': segment [" + s.start() + ", " + s.end() + ") ends after the clip's duration "
                        + duration + " s; shorten the segment or fix 'duration'");
            }
        }
    }

    private void checkTraces(String clipId, String where, LabelTraces t, Double duration) {
        if (t.file() != null && t.file().isBlank()) {
            add(where + ": field 'labels.traces.file' is blank; give a CSV path relative to the data root, or inline 'times' and 'values'");
            return;
        }
        if (!t.loaded()) {
            if (t.file() == null) {
                add(where + ": field 'labels.traces' has no samples; give 'times' and 'values' inline, or 'file' (a CSV relative to the data root)");
                return;
            }
            if (!checkFiles) {
                return; // not loaded, and files are not to be touched
            }
            t = load(clipId, where, t);
            if (t == null) {
                return;
            }
        }
        String from = t.file() == null ? "" : " (from " + t.file() + ")";
        List<Double> times = t.times();
        if (times.isEmpty()) {
            add(where + ": field 'labels.traces.times'" + from + " is empty; give at least one sample or drop 'labels.traces'");
        }
        double max = duration == null ? Double.POSITIVE_INFINITY : duration + TIME_TOLERANCE;
        for (int k = 0; k < times.size(); k++) {
            double x = times.get(k);
            if (!Double.isFinite(x)) {
                add(where + ": field 'labels.traces.times[" + k + "]'" + from + " is " + x + "; give finite times in seconds");
                break;
            }
            if (k > 0 && !(x > times.get(k - 1))) {
                add(where + ": field 'labels.traces.times'" + from + " is not strictly increasing at index " + k + " (" + x + " after "
                        + times.get(k - 1) + "); sort the samples and drop repeated times");
                break;
            }
            if (x < 0 || x > max) {
                add(where + ": field 'labels.traces.times[" + k + "]'" + from + " is " + x + " s, outside [0, "
                        + (duration == null ? "inf" : duration) + "]" + (duration == null ? "" : " (the clip's duration)")
                        + "; drop samples outside the clip or fix 'duration'");
                break;
            }
        }
        if (t.values().isEmpty()) {
            add(where + ": field 'labels.traces.values'" + from + " names no series; give at least one, e.g. {\"valence\": [...]}");
        }
        t.values().forEach((name, series) -> checkSeries(where, from, name, series, times.size()));
    }

    private void checkSeries(String where, String from, String name, List<Double> series, int n) {
        String field = "field 'labels.traces.values." + name + "'" + from;
        if (name.isBlank()) {
            add(where + ": field 'labels.traces.values' has a series without a name; name it (e.g. \"valence\")");
        }
        if (series == null) {
            add(where + ": " + field + " is null; give one value per time or drop the series");
            return;
        }
        if (series.size() != n) {
            add(where + ": " + field + " has " + series.size() + " values for " + n + " times; give one value per time");
        }
        for (int k = 0; k < series.size(); k++) {
            if (!Double.isFinite(series.get(k))) {
                add(where + ": field 'labels.traces.values." + name + "[" + k + "]'" + from + " is " + series.get(k)
                        + "; give finite numbers (leave the sample out instead)");
                return;
            }
        }
    }

    /** Checks one clip file with {@link DataRoot#check}; a violation is a problem tagged with its reason. */
    private DataRoot.Checked checkFile(String clipId, String where, String field, String relative) {
        DataRoot.Result r;
        try {
            r = root.check(field, relative);
        } catch (IOException e) {
            String msg = where + ": field '" + field + "': cannot look at " + Excerpt.quote(relative) + " (" + e
                    + "); an I/O failure, not a problem of the manifest: check the disk and the permissions";
            add(msg);
            fileProblems.add(new ManifestIO.FileProblem(clipId, field, "io-error", msg));
            return null;
        }
        if (r.violation() != null) {
            String msg = where + ": " + r.violation().message() + " [" + r.violation().reason() + "]";
            add(msg);
            fileProblems.add(new ManifestIO.FileProblem(clipId, field, r.violation().reason(), msg));
            return null;
        }
        return r.file();
    }

    /**
     * Reads the CSV of file-referenced traces relative to the data root.
     *
     * @return the traces with {@code file}, {@code times} and {@code values} set, or null after adding a problem
     */
    LabelTraces load(String clipId, String where, LabelTraces t) {
        DataRoot.Checked checked = checkFile(clipId, where, "labels.traces.file", t.file());
        if (checked == null) {
            return null;
        }
        Path csv = checked.path();
        try {
            LabelTraces samples = TraceCsv.read(csv, checked.insideRoot());
            return new LabelTraces(t.file(), samples.times(), samples.values());
        } catch (NoSuchFileException e) {
            add(where + ": field 'labels.traces.file' points to " + csv + ", which does not exist; fix the path (relative to the data root) or the data root");
        } catch (IOException e) {
            String msg = e.getMessage();
            add(where + ": field 'labels.traces.file' cannot be loaded: " + (msg != null && msg.startsWith(csv.toString()) ? msg
                    : csv + " cannot be read (" + e.getClass().getSimpleName() + "); check that it is a readable UTF-8 text file"));
        }
        return null;
    }
}
