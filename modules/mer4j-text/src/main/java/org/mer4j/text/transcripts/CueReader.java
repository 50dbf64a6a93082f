package org.mer4j.text.transcripts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mer4j.api.TimedWord;
import org.mer4j.api.Excerpt;

/**
 * Shared reader of the two subtitle formats, SubRip ({@code .srt}) and WebVTT ({@code .vtt}):
 * blank-line separated cues with a {@code start --> end} line. Cue text loses its markup
 * ({@code <i>}, {@code <c.x>}, {@code <v Speaker>}, {@code {\an8}}); its words are spread over the
 * cue by {@link WordSpreader}. WebVTT inline timestamps ({@code <00:00:01.500>}, as in karaoke or
 * auto-caption files) are honoured: the text between two timestamps is spread between them.
 */
abstract class CueReader implements TranscriptReader {
    private static final Pattern TIMING = Pattern.compile("^\\s*(\\S+)\\s+-->\\s+(\\S+)(.*)$");
    private static final Pattern INLINE_TIME = Pattern.compile("<((?:\\d+:)?\\d{1,2}:\\d{1,2}[.,]\\d{1,3})>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>|\\{\\\\[^}]*}");

    /** Whether this is WebVTT (header required, NOTE/STYLE/REGION blocks skipped). */
    abstract boolean vtt();

    @Override
    public Transcript read(Path file) throws IOException {
        RepairLog log = new RepairLog();
        List<String> lines = Lines.of(TextDecoder.read(file, log));
        int i = 0;
        if (vtt()) {
            if (lines.isEmpty() || !lines.get(0).strip().startsWith("WEBVTT")) {
                throw TranscriptException.at(file, 1, "header", "first line is " + Excerpt.quote(lines.isEmpty() ? "" : lines.get(0)),
                        "'WEBVTT'", "this is not a WebVTT file; pick the reader for its real format (e.g. srt)");
            }
            i = skipBlock(lines, 0);
        }
        List<RawWord> words = new ArrayList<>();
        int cues = 0;
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            int blockStart = i;
            int end = skipBlock(lines, i);
            String first = lines.get(i).strip();
            if (vtt() && (first.startsWith("NOTE") || first.startsWith("STYLE") || first.startsWith("REGION"))) {
                i = end;
                continue;
            }
            int timingLine = -1;
            for (int k = i; k < Math.min(end, i + 2); k++) {
                if (lines.get(k).contains("-->")) {
                    timingLine = k;
                    break;
                }
            }
            if (timingLine < 0) {
                throw TranscriptException.at(file, blockStart + 1, "timing", "cue without a timing line (" + Excerpt.quote(first) + ")",
                        "'" + (vtt() ? "00:00:01.000 --> 00:00:02.500" : "00:00:01,000 --> 00:00:02,500") + "' on the first or second line of each cue",
                        "add the timing line or separate cues by exactly one blank line");
            }
            Matcher m = TIMING.matcher(lines.get(timingLine));
            double start;
            double stop;
            try {
                if (!m.matches()) {
                    throw new IllegalArgumentException(Excerpt.quote(lines.get(timingLine).strip()) + " is not 'start --> end'");
                }
                start = Timestamps.parse(m.group(1));
                stop = Timestamps.parse(m.group(2));
            } catch (IllegalArgumentException e) {
                throw TranscriptException.at(file, timingLine + 1, "timing", e.getMessage(),
                        "'hh:mm:ss" + (vtt() ? "." : ",") + "mmm --> hh:mm:ss" + (vtt() ? "." : ",") + "mmm' with non-negative times",
                        "fix the cue times", e);
            }
            if (stop < start) {
                throw TranscriptException.at(file, timingLine + 1, "timing", "cue ends (" + Excerpt.of(m.group(2)) + ") before it starts (" + Excerpt.of(m.group(1)) + ")",
                        "end >= start", "fix or swap the cue times");
            }
            StringBuilder text = new StringBuilder();
            for (int k = timingLine + 1; k < end; k++) {
                text.append(lines.get(k)).append('\n');
            }
            addCueWords(file, timingLine + 2, text.toString(), start, stop, words);
            cues++;
            i = end;
        }
        if (cues == 0) {
            log.warn(file + ": no cues found");
        }
        return new Transcript(file, format(), WordTimeline.finish(file, words, log), log.report());
    }

    private void addCueWords(Path file, int line, String text, double start, double stop, List<RawWord> out) throws TranscriptException {
        List<double[]> bounds = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        Matcher m = INLINE_TIME.matcher(text);
        int from = 0;
        double t = start;
        while (vtt() && m.find()) {
            parts.add(text.substring(from, m.start()));
            double next = Timestamps.parse(m.group(1));
            if (next < t || next > stop) {
                throw TranscriptException.at(file, line, "inline timestamp", "<" + m.group(1) + "> outside its cue or out of order",
                        "inline timestamps increasing within the cue", "fix the timestamp");
            }
            bounds.add(new double[] {t, next});
            t = next;
            from = m.end();
        }
        parts.add(text.substring(from));
        bounds.add(new double[] {t, stop});
        for (int p = 0; p < parts.size(); p++) {
            String clean = TAG.matcher(parts.get(p)).replaceAll(" ");
            for (TimedWord w : WordSpreader.spread(clean, bounds.get(p)[0], bounds.get(p)[1])) {
                out.add(new RawWord(w.word(), w.start(), w.end(), line, "text"));
            }
        }
    }

    private static int skipBlock(List<String> lines, int i) {
        while (i < lines.size() && !lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }
}
