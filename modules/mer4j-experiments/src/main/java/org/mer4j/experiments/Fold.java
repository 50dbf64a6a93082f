package org.mer4j.experiments;

import java.util.List;

/**
 * One fold of a subject-independent protocol: no subject appears in more than one of the three lists.
 *
 * @param index fold number from 0
 * @param train subjects the model is fitted on
 * @param val training-side subjects held out for model selection (best epoch)
 * @param test subjects scored
 */
public record Fold(int index, List<String> train, List<String> val, List<String> test) {
    public Fold {
        train = List.copyOf(train);
        val = List.copyOf(val);
        test = List.copyOf(test);
    }
}
