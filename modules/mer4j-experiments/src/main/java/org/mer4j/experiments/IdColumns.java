package org.mer4j.experiments;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;
import org.mer4j.text.minilm.MiniLmPiecesExtractor;

/**
 * Feature columns that hold token ids, not measurements: standardising them would turn ids into
 * other numbers, so after standardisation their values are put back from the same clip before it.
 * Today that is the {@code minilm-pieces} track (word-piece ids for the fine-tuned encoder); the
 * {@code word-ids} track is rebuilt by its fold vocabulary instead ({@link WordVocabulary}).
 */
final class IdColumns {
    /** Tracks whose columns are ids, kept as extracted. */
    static final List<String> TRACKS = List.of(MiniLmPiecesExtractor.NAME);

    private final List<TrackSlice> slices;

    private IdColumns(List<TrackSlice> slices) {
        this.slices = slices;
    }

    /** The id columns among the aligned features' slices (none: a no-op). */
    static IdColumns of(Map<String, TrackSlice> slices) {
        return new IdColumns(TRACKS.stream().filter(slices::containsKey).map(slices::get).toList());
    }

    /** Whether there is nothing to restore. */
    boolean none() {
        return slices.isEmpty();
    }

    /** {@code standardised} with every id column's values taken from {@code raw} (the same clip before standardisation). */
    AlignedClip restore(AlignedClip standardised, AlignedClip raw) {
        Map<Modality, float[]> features = new EnumMap<>(standardised.features());
        for (TrackSlice s : slices) {
            if (!features.containsKey(s.modality())) {
                continue;
            }
            int dim = standardised.dims().get(s.modality());
            float[] out = features.get(s.modality()).clone();
            float[] in = raw.features().get(s.modality());
            for (int t = 0; t < standardised.steps(); t++) {
                System.arraycopy(in, t * dim + s.offset(), out, t * dim + s.offset(), s.dim());
            }
            features.put(s.modality(), out);
        }
        return standardised.withFeatures(features, standardised.dims(), standardised.masks());
    }

    /** {@link #restore} clip by clip. */
    List<AlignedClip> restore(List<AlignedClip> standardised, List<AlignedClip> raw) {
        if (none()) {
            return standardised;
        }
        List<AlignedClip> out = new ArrayList<>(standardised.size());
        for (int i = 0; i < standardised.size(); i++) {
            out.add(restore(standardised.get(i), raw.get(i)));
        }
        return out;
    }
}
