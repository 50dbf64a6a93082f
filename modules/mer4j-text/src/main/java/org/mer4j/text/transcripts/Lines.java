package org.mer4j.text.transcripts;

import java.util.List;

/** Splits decoded text into lines on {@code \n}, {@code \r\n} or {@code \r}; index i is line i+1. */
final class Lines {
    private Lines() {
    }

    static List<String> of(String text) {
        return List.of(text.split("\\r\\n|\\n|\\r", -1));
    }
}
