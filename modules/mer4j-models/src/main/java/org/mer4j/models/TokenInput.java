package org.mer4j.models;

import org.mer4j.api.Modality;

/**
 * A feature column that holds token ids (a word per step), turned into a learned embedding inside
 * the model: the framework's {@link TaskModel} looks each id up in a table of {@code vocabularySize}
 * rows and replaces the column by the {@code width}-dimensional row before the fusion model sees the
 * features. Id 0 means "no token" and gives a zero vector. This is an embedding lookup (Bengio et al.
 * 2003; word2vec-style tables trained with the task), never a dense one-hot input.
 *
 * @param modality the modality whose features hold the column
 * @param column index of the id column within that modality's features
 * @param vocabularySize rows of the table, including row 0 for "no token"; at least 2
 * @param width embedding dimension, at least 1
 */
public record TokenInput(Modality modality, int column, int vocabularySize, int width) {
    public TokenInput {
        if (modality == null) {
            throw new IllegalArgumentException("token input: modality is missing");
        }
        if (column < 0) {
            throw new IllegalArgumentException("token input of " + modality.key() + ": column must be >= 0, got " + column);
        }
        if (vocabularySize < 2) {
            throw new IllegalArgumentException("token input of " + modality.key() + ": the vocabulary needs at least one token besides"
                    + " 'none', got " + vocabularySize + " rows; are there words in the training clips?");
        }
        if (width < 1) {
            throw new IllegalArgumentException("token input of " + modality.key() + ": vocabulary.embeddingDim must be >= 1, got " + width);
        }
    }
}
