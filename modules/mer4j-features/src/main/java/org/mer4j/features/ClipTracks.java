package org.mer4j.features;

import java.util.List;
import java.util.Map;
import org.mer4j.api.Clip;
import org.mer4j.api.FeatureTrack;
import org.mer4j.api.Modality;

/**
 * All stored tracks of one clip, grouped by modality in extractor order.
 *
 * @param clip the clip
 * @param tracks per modality, the tracks of its extractors
 */
public record ClipTracks(Clip clip, Map<Modality, List<FeatureTrack>> tracks) {
    public ClipTracks {
        tracks = Map.copyOf(tracks);
    }
}
