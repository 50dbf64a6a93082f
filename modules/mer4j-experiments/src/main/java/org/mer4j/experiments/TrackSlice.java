package org.mer4j.experiments;

import java.util.Map;
import org.mer4j.api.Modality;
import org.mer4j.features.IdColumns;

/**
 * Where one extractor's columns sit in its modality's aligned feature vector.
 *
 * @param modality the modality
 * @param offset first column
 * @param dim number of columns
 * @param ids whether the columns hold ids ({@link org.mer4j.api.FeatureExtractor#holdsIds()}), which are never standardised
 */
record TrackSlice(Modality modality, int offset, int dim, boolean ids) {

    /** The id columns among {@code slices}. */
    static IdColumns idColumns(Map<String, TrackSlice> slices) {
        IdColumns out = IdColumns.NONE;
        for (TrackSlice s : slices.values()) {
            if (s.ids()) {
                out = out.with(s.modality(), s.offset(), s.dim());
            }
        }
        return out;
    }
}
