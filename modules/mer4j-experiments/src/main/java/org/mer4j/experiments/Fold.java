package org.mer4j.experiments;

import java.util.List;

/**
 * One fold. For subject-independent protocols ({@code unit = subject}) the lists hold subjects and
 * no subject appears in more than one; for the official split of a corpus ({@code unit = split}) they
 * hold split names and clips go by their manifest {@code split}.
 *
 * @param index fold number from 0
 * @param train subjects (or split names) the model is fitted on
 * @param val subjects (or split names) held out for model selection (best epoch)
 * @param test subjects (or split names) scored
 * @param unit {@code subject} or {@code split}
 */
public record Fold(int index, List<String> train, List<String> val, List<String> test, String unit) {
    /** Unit of subject-independent folds. */
    public static final String SUBJECT = "subject";
    /** Unit of official-split folds. */
    public static final String SPLIT = "split";

    /** A subject-independent fold. */
    public Fold(int index, List<String> train, List<String> val, List<String> test) {
        this(index, train, val, test, SUBJECT);
    }

    public Fold {
        unit = unit == null ? SUBJECT : unit;
        train = List.copyOf(train);
        val = List.copyOf(val);
        test = List.copyOf(test);
    }
}
