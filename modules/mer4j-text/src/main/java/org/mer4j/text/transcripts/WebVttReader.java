package org.mer4j.text.transcripts;

import java.util.List;

/**
 * WebVTT ({@code .vtt}, W3C WebVTT: The Web Video Text Tracks Format): {@code WEBVTT} header, cues
 * with optional identifiers and settings; NOTE, STYLE and REGION blocks skipped; inline timestamps
 * give word times, otherwise words are spread over the cue.
 */
public final class WebVttReader extends CueReader {
    /** Format name. */
    public static final String FORMAT = "webvtt";

    @Override
    boolean vtt() {
        return true;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public List<String> extensions() {
        return List.of("vtt");
    }

    @Override
    public boolean recognises(String firstLine) {
        return firstLine.strip().startsWith("WEBVTT");
    }
}
