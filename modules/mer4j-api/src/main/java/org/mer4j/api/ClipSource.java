package org.mer4j.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What an extractor may know about the clip it is working on.
 *
 * @param clip the manifest entry
 * @param video resolved video path, or null
 * @param audio resolved audio path, or null
 * @param words transcript words (empty when the clip has none)
 */
public record ClipSource(Clip clip, Path video, Path audio, List<TimedWord> words) {
    public ClipSource {
        words = words == null ? List.of() : List.copyOf(words);
    }
}
