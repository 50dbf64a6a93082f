package org.mer4j.text.transcripts;

import java.util.List;

/** SubRip subtitles ({@code .srt}): index, {@code 00:00:01,000 --> 00:00:02,500}, text lines; words spread over each cue. */
public final class SrtReader extends CueReader {
    /** Format name. */
    public static final String FORMAT = "srt";

    @Override
    boolean vtt() {
        return false;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public List<String> extensions() {
        return List.of("srt");
    }
}
