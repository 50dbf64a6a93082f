/**
 * Classical (non-neural) table rows: {@link org.mer4j.train.classical.LinearSvmRow}, a LIBLINEAR
 * linear SVM or logistic regression on clip-level functionals, chosen in an experiment config by
 * {@code classifier: {type: linear-svm, ...}} in place of a row's {@code fusion:}. Such a row gets the
 * same folds, normalisation, task labels and metrics as a fusion row and writes the same run-folder
 * files, so the two sit side by side in one table.
 */
package org.mer4j.train.classical;
