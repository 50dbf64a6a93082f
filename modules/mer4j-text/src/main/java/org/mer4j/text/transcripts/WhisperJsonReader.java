package org.mer4j.text.transcripts;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mer4j.api.TimedWord;
import org.mer4j.api.Excerpt;

/**
 * Whisper-style JSON (as written by OpenAI Whisper's {@code --output_format json} with
 * {@code --word_timestamps True}, and by WhisperX): {@code {"segments": [{"start", "end", "text",
 * "words": [{"word", "start", "end", ...}]}]}}, times in seconds. A segment whose words all have
 * times gives those words; a segment without {@code words}, or with a word lacking a time (WhisperX
 * leaves numbers untimed), has its {@code text} spread over the segment by {@link WordSpreader}.
 * Errors name the line of the segment and its JSON path ({@code segments[3].words[1].start}).
 */
public final class WhisperJsonReader implements TranscriptReader {
    /** Format name. */
    public static final String FORMAT = "whisper-json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public List<String> extensions() {
        return List.of("json");
    }

    @Override
    public boolean recognises(String firstLine) {
        return firstLine.strip().startsWith("{");
    }

    @Override
    public Transcript read(Path file) throws IOException {
        RepairLog log = new RepairLog();
        String text = TextDecoder.read(file, log);
        List<RawWord> words = new ArrayList<>();
        boolean sawSegments = false;
        try (JsonParser p = JSON.getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw TranscriptException.at(file, 1, null, "the file does not start with a JSON object",
                        "{\"segments\": [...]}", "export the transcript as Whisper JSON");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (!"segments".equals(name)) {
                    p.skipChildren();
                    continue;
                }
                if (v != JsonToken.START_ARRAY) {
                    throw TranscriptException.at(file, p.currentLocation().getLineNr(), "segments", "'segments' is not an array",
                            "an array of segment objects", "fix the JSON");
                }
                sawSegments = true;
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    int line = p.currentLocation().getLineNr();
                    JsonNode seg = p.readValueAsTree();
                    segment(file, line, "segments[" + index + "]", seg, words);
                    index++;
                }
            }
        } catch (JsonParseException e) {
            throw TranscriptException.at(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
                    "invalid JSON (" + Excerpt.of(e.getOriginalMessage()) + ")", "well-formed JSON", "fix or re-export the file");
        }
        if (!sawSegments) {
            throw TranscriptException.at(file, 0, "segments", "no 'segments' array", "a top-level \"segments\" array",
                    "run Whisper with JSON output (whisper --output_format json --word_timestamps True)");
        }
        return new Transcript(file, format(), WordTimeline.finish(file, words, log), log.report());
    }

    private static void segment(Path file, int line, String path, JsonNode seg, List<RawWord> out) throws TranscriptException {
        if (!seg.isObject()) {
            throw TranscriptException.at(file, line, path, "segment is not an object", "{\"start\", \"end\", \"text\", \"words\"}", "fix the JSON");
        }
        JsonNode words = seg.get("words");
        boolean allTimed = words != null && words.isArray() && !words.isEmpty();
        if (allTimed) {
            for (JsonNode w : words) {
                allTimed &= w.hasNonNull("start") && w.hasNonNull("end");
            }
        }
        if (allTimed) {
            for (int j = 0; j < words.size(); j++) {
                JsonNode w = words.get(j);
                String wp = path + ".words[" + j + "]";
                String word = text(file, line, wp + ".word", w.get("word"));
                out.add(new RawWord(word.strip(), number(file, line, wp + ".start", w.get("start")),
                        number(file, line, wp + ".end", w.get("end")), line, wp));
            }
            return;
        }
        double start = number(file, line, path + ".start", seg.get("start"));
        double end = number(file, line, path + ".end", seg.get("end"));
        String text = text(file, line, path + ".text", seg.get("text"));
        if (start < 0 || end < start) {
            throw TranscriptException.at(file, line, path, "segment time " + start + ".." + end + " s", "0 <= start <= end",
                    "fix the segment times");
        }
        for (TimedWord w : WordSpreader.spread(text, start, end)) {
            out.add(new RawWord(w.word(), w.start(), w.end(), line, path + ".text"));
        }
    }

    private static double number(Path file, int line, String path, JsonNode n) throws TranscriptException {
        if (n == null || !n.isNumber()) {
            throw TranscriptException.at(file, line, path, n == null ? "missing" : Excerpt.quote(n.toString()) + " is not a number",
                    "a time in seconds", "add the time or drop the word");
        }
        return n.asDouble();
    }

    private static String text(Path file, int line, String path, JsonNode n) throws TranscriptException {
        if (n == null || !n.isTextual()) {
            throw TranscriptException.at(file, line, path, n == null ? "missing" : Excerpt.quote(n.toString()) + " is not a string",
                    "a string", "add the text");
        }
        return n.asText();
    }
}
