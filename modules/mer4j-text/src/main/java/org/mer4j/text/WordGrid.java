package org.mer4j.text;

import java.util.ArrayList;
import java.util.List;
import org.mer4j.api.TimedWord;

/**
 * The fixed time grid shared by the word extractors: step {@code k} covers
 * {@code [k*hop, (k+1)*hop)}; the grid has {@code ceil(lastEnd / hop)} steps. A word is active in
 * a step it overlaps; a zero-length word is active in the step holding its start.
 */
public final class WordGrid {
    private final double hop;

    public WordGrid(double hopSeconds) {
        this.hop = hopSeconds;
    }

    /** Number of steps for these words (words in any order). */
    public int steps(List<TimedWord> words) {
        double lastEnd = words.stream().mapToDouble(TimedWord::end).max().orElse(0);
        return Math.max((int) Math.ceil(lastEnd / hop - 1e-9), words.isEmpty() ? 0 : 1);
    }

    /** Step start times. */
    public double[] times(int steps) {
        double[] t = new double[steps];
        for (int k = 0; k < steps; k++) {
            t[k] = k * hop;
        }
        return t;
    }

    /** For each step, the indices of the words active in it, and how much of the step each covers. */
    public List<List<int[]>> activeWords(List<TimedWord> words, int steps) {
        List<List<int[]>> out = new ArrayList<>(steps);
        for (int k = 0; k < steps; k++) {
            out.add(new ArrayList<>(2));
        }
        for (int i = 0; i < words.size() && steps > 0; i++) {
            TimedWord w = words.get(i);
            int first = Math.min(steps - 1, (int) Math.floor(w.start() / hop + 1e-9));
            int last = Math.max(first, Math.min(steps - 1, (int) Math.ceil(w.end() / hop - 1e-9) - 1));
            boolean instant = w.end() - w.start() < 1e-9;
            for (int k = first; k <= last; k++) {
                double overlap = Math.min(w.end(), (k + 1) * hop) - Math.max(w.start(), k * hop);
                if (overlap > 1e-9 || (instant && k == first)) {
                    out.get(k).add(new int[] {i, (int) Math.round(Math.max(0, overlap) * 1e6)});
                }
            }
        }
        return out;
    }

    /** For each step, the index of the word covering most of it (the earlier one on ties), or -1. */
    public int[] dominantWord(List<TimedWord> words, int steps) {
        int[] best = new int[steps];
        List<List<int[]>> active = activeWords(words, steps);
        for (int k = 0; k < steps; k++) {
            best[k] = -1;
            int cover = -1;
            for (int[] a : active.get(k)) {
                if (a[1] > cover) {
                    cover = a[1];
                    best[k] = a[0];
                }
            }
        }
        return best;
    }
}
