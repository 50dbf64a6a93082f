package org.mer4j.experiments;

import org.mer4j.api.Modality;

/**
 * Where one extractor's columns sit in its modality's aligned feature vector.
 *
 * @param modality the modality
 * @param offset first column
 * @param dim number of columns
 */
record TrackSlice(Modality modality, int offset, int dim) {
}
