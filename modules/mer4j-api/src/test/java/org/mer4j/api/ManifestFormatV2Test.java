package org.mer4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading {@code mer4j-manifest/1}, and the {@code mer4j-manifest/2} fields surviving a write/read round trip. */
class ManifestFormatV2Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void version1FileStillReads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, """
                {"format": "mer4j-manifest/1", "name": "old", "root": null, "clips": [
                  {"id": "a", "subject": "s1", "video": "a.mp4", "audio": null, "transcript": null,
                   "labels": {"emotion": "happy", "ahSegments": [{"start": 1.0, "end": 2.5}], "ahVideo": null, "inconsistent": true},
                   "split": "train"}]}""");
        Manifest m = ManifestIO.read(file);
        assertEquals("old", m.name());
        assertEquals(Map.of(), m.classes());
        Clip a = m.clip("a");
        assertEquals(new ClipLabels("happy", List.of(new TimeSegment(1.0, 2.5)), null, true), a.labels());
        assertNull(a.duration());
        assertTrue(a.labels().ahVideoLabel());
        assertEquals("train", a.split());
    }

    @Test
    void unknownFormatNamesTheFieldAndTheAcceptedValues(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("manifest.json");
        for (String format : new String[] {"\"mer4j-manifest/3\"", "2", null}) {
            Files.writeString(file, "{" + (format == null ? "" : "\"format\": " + format + ", ") + "\"clips\": []}");
            ManifestException e = assertThrows(ManifestException.class, () -> ManifestIO.read(file));
            assertTrue(e.getMessage().contains("field 'format'") && e.getMessage().contains("\"mer4j-manifest/2\"")
                    && e.getMessage().contains("\"mer4j-manifest/1\""), e.getMessage());
        }
    }

    @Test
    void everyVersion2FieldRoundTripsAndTraceFilesStayReferences(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("data");
        LabelTraces csvSamples = new LabelTraces(null, List.of(0.0, 0.04, 0.08), Map.of("valence", List.of(0.1, 0.125, -0.5)));
        TraceCsv.write(root.resolve("traces/c2.csv"), csvSamples);

        Map<String, Double> dist = new LinkedHashMap<>();
        dist.put("happy", 3.0);
        dist.put("neutral", 1.0);
        Map<String, List<Double>> inline = new LinkedHashMap<>();
        inline.put("valence", List.of(0.0, 0.5, 0.25));
        inline.put("arousal", List.of(-1.0, 0.0, 1.0));
        ClipLabels full = new ClipLabels("happy", dist, List.of(new TimeSegment(1, 2)), true, false,
                List.of(new TimeSegment(0.5, 1.5)), Map.of("valence", 0.3, "arousal", -0.2),
                new LabelTraces(null, List.of(0.0, 1.0, 2.0), inline));
        Clip c1 = new Clip("c1", "s1", "media/c1.mp4", null, null, full, "train", Map.of("gender", "f"), 4.0);
        Clip c2 = new Clip("c2", "s2", "media/c2.mp4", null, null,
                new ClipLabels("sad", null, null, null, true, List.of(), null, new LabelTraces("traces/c2.csv", null, null)), null, null, 0.1);
        Map<String, List<String>> classes = Map.of("emotion", List.of("neutral", "happy", "sad", "angry"));
        Path file = dir.resolve("m/manifest.json");
        ManifestIO.write(file, new Manifest("v2", root, List.of(c1, c2), classes));

        JsonNode written = JSON.readTree(file.toFile());
        assertEquals(ManifestIO.FORMAT, written.get("format").asText());
        assertEquals("mer4j-manifest/2", ManifestIO.FORMAT);
        assertEquals(List.of("neutral", "happy", "sad", "angry"), JSON.convertValue(written.get("classes").get("emotion"), List.class));

        Manifest back = ManifestIO.read(file);
        assertEquals(root.normalize(), back.root());
        assertEquals(classes, back.classes());
        assertEquals(c1, back.clip("c1"));
        assertEquals(4.0, back.clip("c1").duration());
        Clip c2back = back.clip("c2");
        assertEquals(0.1, c2back.duration());
        LabelTraces loaded = c2back.labels().traces();
        assertTrue(loaded.loaded(), "the trace file is read at load time");
        assertEquals(new LabelTraces("traces/c2.csv", csvSamples.times(), csvSamples.values()), loaded);
        assertEquals(c2.labels().inconsistentSegments(), c2back.labels().inconsistentSegments());
        assertEquals(0.1125, loaded.valueAt("valence", 0.02), 1e-12);

        // writing the loaded manifest again keeps the trace a file reference, not inlined samples
        Path again = dir.resolve("m/again.json");
        ManifestIO.write(again, back);
        JsonNode traces = JSON.readTree(again.toFile()).get("clips").get(1).get("labels").get("traces");
        assertEquals(List.of("file"), fieldNames(traces), traces.toString());
        assertEquals("traces/c2.csv", traces.get("file").asText());
        JsonNode inlineTraces = JSON.readTree(again.toFile()).get("clips").get(0).get("labels").get("traces");
        assertEquals(List.of("times", "values"), fieldNames(inlineTraces));
        assertEquals(back.clips(), ManifestIO.read(again).clips());
    }

    @Test
    void noClassesAreWrittenWhenNoneAreDeclared(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("manifest.json");
        ManifestIO.write(file, new Manifest("plain", dir, List.of(new Clip("a", "s", "a.mp4", null, null, null, null))));
        JsonNode written = JSON.readTree(file.toFile());
        assertFalse(written.has("classes"), written.toString());
        assertFalse(written.get("clips").get(0).has("duration"), written.toString());
        assertEquals(Map.of(), ManifestIO.read(file).classes());
    }

    @Test
    void booleansAcceptZeroAndOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, """
                {"format": "mer4j-manifest/2", "clips": [
                  {"id": "a", "subject": "s1", "video": "a.mp4", "labels": {"ahVideo": 0, "inconsistent": 1}},
                  {"id": "b", "subject": "s1", "video": "b.mp4", "labels": {"ahVideo": true, "inconsistent": false}},
                  {"id": "c", "subject": "s1", "video": "c.mp4", "labels": {"ahVideo": null}}]}""");
        Manifest m = ManifestIO.read(file);
        assertEquals(Boolean.FALSE, m.clip("a").labels().ahVideo());
        assertEquals(Boolean.TRUE, m.clip("a").labels().inconsistent());
        assertEquals(Boolean.TRUE, m.clip("b").labels().ahVideo());
        assertEquals(Boolean.FALSE, m.clip("b").labels().inconsistent());
        assertNull(m.clip("c").labels().ahVideo());
    }

    @Test
    void traceCsvToleratesBlankLinesAndSpaces(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "\uFEFFtime, valence ,arousal\n0, 0.5, 1\n\n0.5,0.25,2\n");
        LabelTraces t = TraceCsv.read(csv);
        assertEquals(List.of(0.0, 0.5), t.times());
        assertEquals(List.of("valence", "arousal"), List.copyOf(t.values().keySet()));
        assertEquals(List.of(0.5, 0.25), t.values().get("valence"));
        assertEquals(List.of(1.0, 2.0), t.values().get("arousal"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
