package org.mer4j.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every {@code mer4j-manifest/2} rule: a bad clip 'b' (the second one) gives exactly one problem,
 * which names the clip, the field and says what to do. Clip 'a' is always valid.
 */
class ManifestValidationTest {

    private static Path manifest(Path dir, String clipB) throws Exception {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, """
                {"format": "mer4j-manifest/2",
                 "classes": {"emotion": ["neutral", "happy", "sad", "angry"]},
                 "clips": [
                  {"id": "a", "subject": "s1", "video": "a.mp4", "duration": 3,
                   "labels": {"emotion": "happy", "emotionDistribution": {"happy": 2, "sad": 0}, "ahVideo": 1,
                              "ahSegments": [{"start": 0, "end": 3}], "inconsistentSegments": [],
                              "dimensions": {"valence": 0.5}, "traces": {"times": [0, 3], "values": {"valence": [0, 1]}}}},
                  {"id": "b", "subject": "s2", "video": "b.mp4", %s}]}""".formatted(clipB));
        return file;
    }

    private static String problem(Path file) {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestIO.read(file));
        return e.getMessage();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "labels": {"emotion": "happpy"}                                        | labels.emotion              | not in classes.emotion [neutral, happy, sad, angry]
            "labels": {"emotionDistribution": {"happy": 2, "joy": 1}}              | labels.emotionDistribution  | class 'joy'
            "labels": {"emotionDistribution": {"happy": -1}}                       | labels.emotionDistribution.happy | is -1.0
            "labels": {"emotionDistribution": {"happy": "NaN"}}                    | labels.emotionDistribution.happy | is NaN
            "labels": {"emotionDistribution": {"happy": 0, "sad": 0}}              | labels.emotionDistribution  | sums to 0
            "labels": {"emotionDistribution": {}}                                  | labels.emotionDistribution  | sums to 0
            "labels": {"ahSegments": [{"start": 0, "end": 1}, {"start": 3, "end": 1}]} | labels.ahSegments[1]    | 0 <= start < end
            "labels": {"inconsistentSegments": [{"start": -1, "end": 1}]}          | labels.inconsistentSegments[0] | 0 <= start < end
            "duration": 5, "labels": {"ahSegments": [{"start": 3, "end": 5.5}]}   | labels.ahSegments[0]        | segment [3.0, 5.5) ends after the clip's duration 5.0 s
            "duration": 5, "labels": {"inconsistentSegments": [{"start": 4, "end": 6}]} | labels.inconsistentSegments[0] | segment [4.0, 6.0) ends after the clip's duration 5.0 s
            "labels": {"ahVideo": 2}                                               | labels.ahVideo              | is 2; use true or false
            "labels": {"ahVideo": "yes"}                                           | labels.ahVideo              | is "yes"; use true or false
            "labels": {"inconsistent": "true"}                                     | labels.inconsistent         | is "true"; use true or false
            "labels": {"inconsistent": 1.0}                                        | labels.inconsistent         | is 1.0; use true or false
            "labels": {"dimensions": {"valence": "NaN"}}                           | labels.dimensions.valence   | is NaN
            "labels": {"dimensions": {"valence": 1e999}}                           | labels.dimensions.valence   | is Infinity
            "labels": {"traces": {"times": [0, 1, 1], "values": {"v": [1, 2, 3]}}} | labels.traces.times       | not strictly increasing at index 2
            "labels": {"traces": {"times": [0, "NaN"], "values": {"v": [1, 2]}}}   | labels.traces.times[1]     | is NaN
            "labels": {"traces": {"times": [0, 1], "values": {"v": [1, 2, 3]}}}    | labels.traces.values.v     | has 3 values for 2 times
            "labels": {"traces": {"times": [0, 1], "values": {"v": [1, "NaN"]}}}   | labels.traces.values.v[1]  | is NaN
            "labels": {"traces": {"times": [0, 1], "values": {}}}                  | labels.traces.values       | names no series
            "labels": {"traces": {"times": [], "values": {"v": []}}}               | labels.traces.times        | is empty
            "labels": {"traces": {"times": [-0.5, 1], "values": {"v": [1, 2]}}}    | labels.traces.times[0]     | outside [0,
            "duration": 1, "labels": {"traces": {"times": [0, 2], "values": {"v": [1, 2]}}} | labels.traces.times[1] | is 2.0 s, outside [0, 1.0]
            "labels": {"traces": {}}                                               | labels.traces              | has no samples
            "labels": {"traces": {"times": [0]}}                                   | labels.traces              | has no samples
            "labels": {"traces": {"file": "t.csv", "times": [0], "values": {"v": [1]}}} | labels.traces         | both 'file' and inline
            "duration": 0                                                          | duration                   | is 0.0
            "duration": -2                                                         | duration                   | is -2.0
            "duration": "NaN"                                                      | duration                   | is NaN
            "labels": {"emotin": "happy"}                                          | labels.emotin              | unknown field
            "duration": "abc"                                                      | duration                   | is "abc", not a number
            "labels": {"dimensions": [1, 2]}                                       | labels.dimensions          | wrong type: expected an object
            "labels": {"ahSegments": [null]}                                       | labels                     | holds a null
            """)
    void eachRuleNamesClipFieldAndFix(String clipB, String field, String what, @TempDir Path dir) throws Exception {
        String msg = problem(manifest(dir, clipB));
        assertTrue(msg.startsWith(dir.resolve("manifest.json") + ": 1 problem(s):\n  "), msg);
        assertTrue(msg.contains("clip 'b' (#1): "), msg);
        assertTrue(msg.contains("field '" + field + "'"), msg);
        assertTrue(msg.contains(what), msg);
        assertTrue(msg.contains("; "), "says what to do: " + msg);
        assertFalse(msg.contains("\tat ") || msg.contains("com.fasterxml"), "no raw stack or Jackson internals: " + msg);
    }

    @Test
    void theValidClipPassesAndAllProblemsAreListedAtOnce(@TempDir Path dir) throws Exception {
        Path ok = manifest(dir, "\"labels\": {\"emotion\": \"sad\"}");
        assertEquals(2, ManifestIO.read(ok).clips().size());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"format": "mer4j-manifest/2", "clips": [
                  {"id": "x", "subject": "s", "video": "x.mp4", "labels": {"ahVideo": 7}},
                  {"id": "y", "subject": "s", "video": "y.mp4", "duration": -1},
                  {"subject": "s", "video": "z.mp4"}]}""");
        String msg = assertThrows(ManifestException.class, () -> ManifestIO.read(bad)).getMessage();
        assertTrue(msg.contains("3 problem(s)"), msg);
        assertTrue(msg.contains("clip 'x' (#0): field 'labels.ahVideo' is 7"), msg);
        assertTrue(msg.contains("clip 'y' (#1): field 'duration' is -1.0"), msg);
        assertTrue(msg.contains("clip #2: field 'id' is missing"), msg);
    }

    @Test
    void declaredClassesMustBeNonEmptyDistinctAndNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, """
                {"format": "mer4j-manifest/2",
                 "classes": {"emotion": ["happy", "sad", "happy"], "sentiment": [], "style": ["a", " "], "tone": null, "x": ["ok", null]},
                 "clips": [{"id": "a", "subject": "s1", "video": "a.mp4", "labels": {"emotion": "sad"}}]}""");
        String msg = problem(file);
        assertTrue(msg.contains("5 problem(s)"), msg);
        assertTrue(msg.contains("field 'classes.emotion' lists 'happy' twice"), msg);
        assertTrue(msg.contains("field 'classes.sentiment' is empty"), msg);
        assertTrue(msg.contains("field 'classes.style' has a blank entry at index 1"), msg);
        assertTrue(msg.contains("field 'classes.tone' is null"), msg);
        assertTrue(msg.contains("field 'classes.x' has a blank entry at index 1"), msg);
    }

    @Test
    void traceFilesAreReadFromTheDataRoot(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("traces"));
        Files.writeString(data.resolve("traces/b.csv"), "time,valence\n0,0.5\n0.5,0.7\n");
        Path file = dir.resolve("m/manifest.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"format": "mer4j-manifest/2", "root": "../data", "clips": [
                  {"id": "b", "subject": "s", "video": "b.mp4", "labels": {"traces": {"file": "traces/b.csv"}}}]}""");
        LabelTraces t = ManifestIO.read(file).clip("b").labels().traces();
        assertEquals(List.of(0.0, 0.5), t.times());
        assertEquals(0.6, t.valueAt("valence", 0.25), 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            missing          |                                     | which does not exist
            bad header       | t,valence\\n0,1\\n                   | the header must start with 'time'
            short row        | time,valence,arousal\\n0,1,2\\n1,2\\n | line 3: expected 3 columns
            not a number     | time,valence\\n0,abc\\n               | line 2, column 'valence': 'abc' is not a number
            NaN              | time,valence\\n0,NaN\\n               | 'NaN' is not a finite number
            empty            | `   `                                 | the file is empty
            not increasing   | time,valence\\n1,1\\n0,2\\n           | not strictly increasing
            """)
    void badTraceFilesNameClipFieldAndFile(String name, String content, String what, @TempDir Path dir) throws Exception {
        if (content != null) {
            Files.writeString(dir.resolve("b.csv"), content.replace("\\n", "\n"));
        }
        String msg = problem(manifest(dir, "\"labels\": {\"traces\": {\"file\": \"b.csv\"}}"));
        assertTrue(msg.contains("1 problem(s)") && msg.contains("clip 'b' (#1): "), msg);
        assertTrue(msg.contains("field 'labels.traces"), msg);
        assertTrue(msg.contains("b.csv"), "names the file: " + msg);
        assertTrue(msg.contains(what), msg);
    }

    @Test
    void validateChecksManifestsBuiltInMemory(@TempDir Path dir) throws Exception {
        Map<String, List<String>> classes = Map.of("emotion", List.of("neutral", "happy"));
        ClipLabels nanTrace = new ClipLabels("happy", null, null, null, null, null, null,
                new LabelTraces(null, List.of(0.0, 1.0), Map.of("valence", List.of(0.1, Double.NaN))));
        Clip a = new Clip("a", "s", "a.mp4", null, null, nanTrace, null);
        Clip b = new Clip("b", "s", "b.mp4", null, null, new ClipLabels("sad", List.of(), null, null), null, null, 2.0);
        Manifest m = new Manifest("mem", dir, List.of(a, b), classes);
        String msg = assertThrows(ManifestException.class, () -> ManifestIO.validate(m, dir, false)).getMessage();
        assertTrue(msg.contains("2 problem(s)"), msg);
        assertTrue(msg.contains("clip 'a' (#0): field 'labels.traces.values.valence[1]' is NaN"), msg);
        assertTrue(msg.contains("clip 'b' (#1): field 'labels.emotion' is 'sad', which is not in classes.emotion [neutral, happy]"), msg);

        // a file reference that was never loaded: checked (and read) only when files are checked
        Files.writeString(dir.resolve("v.mp4"), "");
        Clip c = new Clip("c", "s", "v.mp4", null, null,
                new ClipLabels(null, null, null, null, null, null, null, new LabelTraces("traces/c.csv", null, null)), null, null, 1.0);
        Manifest withFile = new Manifest("mem", dir, List.of(c));
        assertDoesNotThrow(() -> ManifestIO.validate(withFile, dir, false));
        String missing = assertThrows(ManifestException.class, () -> ManifestIO.validate(withFile, dir, true)).getMessage();
        assertTrue(missing.contains("clip 'c' (#0): field 'labels.traces.file' points to") && missing.contains("c.csv"), missing);
        Files.createDirectories(dir.resolve("traces"));
        Files.writeString(dir.resolve("traces/c.csv"), "time,valence\n0,1\n2,1\n");
        String late = assertThrows(ManifestException.class, () -> ManifestIO.validate(withFile, dir, true)).getMessage();
        assertTrue(late.contains("field 'labels.traces.times[1]' (from traces/c.csv) is 2.0 s, outside [0, 1.0]"), late);

        Files.writeString(dir.resolve("traces/c.csv"), "time,valence\n0,1\n1,3\n");
        assertDoesNotThrow(() -> ManifestIO.validate(withFile, dir, true));
        Manifest loaded = ManifestIO.loadTraces(withFile, dir);
        assertEquals(2.0, loaded.clip("c").labels().traces().valueAt("valence", 0.5), 1e-12);
        assertDoesNotThrow(() -> ManifestIO.validate(loaded, dir, false));
    }
}
