package org.mer4j.text.transcripts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.mer4j.api.TimedWord;
import org.mer4j.api.Excerpt;

/**
 * Validates parsed words and puts them in time order. Policy, shared by all readers:
 * <ul>
 *   <li>negative times, {@code end < start}, non-finite times and empty words fail with a
 *       {@link TranscriptException} naming file and line;</li>
 *   <li>words are stably sorted by start;</li>
 *   <li>a word that starts before the previous one ends is <em>repaired</em>: the previous word's
 *       end is cut to the new word's start, counted in {@link TranscriptReport#overlapRepairs()}
 *       with a warning (ASR and forced-alignment outputs often overlap by a few milliseconds).</li>
 * </ul>
 */
final class WordTimeline {
    private static final double EPS = 1e-6;

    private WordTimeline() {
    }

    static void check(Path file, RawWord w) throws TranscriptException {
        String field = w.field();
        if (w.word() == null || w.word().isBlank()) {
            throw TranscriptException.at(file, w.line(), field, "empty word", "a non-empty word",
                    "remove the line or put the spoken word in it");
        }
        if (!Double.isFinite(w.start()) || !Double.isFinite(w.end())) {
            throw TranscriptException.at(file, w.line(), field, "time is not a number", "finite start and end times",
                    "fix the time of " + Excerpt.quote(w.word()));
        }
        if (w.start() < 0 || w.end() < 0) {
            throw TranscriptException.at(file, w.line(), field, "negative time " + fmt(w.start()) + ".." + fmt(w.end()) + " s for " + Excerpt.quote(w.word()),
                    "times >= 0 from the start of the clip", "shift or remove the word");
        }
        if (w.end() < w.start()) {
            throw TranscriptException.at(file, w.line(), field, "end " + fmt(w.end()) + " s before start " + fmt(w.start()) + " s for " + Excerpt.quote(w.word()),
                    "end >= start", "swap or fix the times");
        }
    }

    static List<TimedWord> finish(Path file, List<RawWord> raw, RepairLog log) throws TranscriptException {
        for (RawWord w : raw) {
            check(file, w);
        }
        List<RawWord> sorted = new ArrayList<>(raw);
        sorted.sort(Comparator.comparingDouble(RawWord::start));
        List<TimedWord> out = new ArrayList<>(sorted.size());
        for (RawWord w : sorted) {
            if (!out.isEmpty()) {
                TimedWord prev = out.get(out.size() - 1);
                if (w.start() < prev.end() - EPS) {
                    log.overlap(file + " line " + w.line() + ": " + Excerpt.quote(w.word()) + " starts at " + fmt(w.start()) + " s before "
                            + Excerpt.quote(prev.word()) + " ends at " + fmt(prev.end()) + " s; cut the earlier word's end to " + fmt(w.start()) + " s");
                    out.set(out.size() - 1, new TimedWord(prev.word(), prev.start(), Math.max(prev.start(), w.start())));
                }
            }
            out.add(new TimedWord(w.word().strip(), w.start(), w.end()));
        }
        return out;
    }

    static String fmt(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
