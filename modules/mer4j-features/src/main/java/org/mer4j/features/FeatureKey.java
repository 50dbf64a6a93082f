package org.mer4j.features;

/**
 * Where a track lives in the store: the extractor name, the sha256 of its canonical config and the
 * sha256 of the media it read. Change any of the three and the track is recomputed.
 *
 * @param extractor extractor name
 * @param configHash sha256 of the extractor config's canonical JSON
 * @param mediaHash sha256 over the input files the extractor reads
 */
public record FeatureKey(String extractor, String configHash, String mediaHash) {
    public FeatureKey {
        if (!extractor.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("extractor name '" + extractor + "' must be letters, digits, '.', '_' or '-'");
        }
    }

    /** Relative folder of the track: {@code <extractor>/<config12>/<media16>}. */
    String relativeDir() {
        return extractor + "/" + configHash.substring(0, 12) + "/" + mediaHash.substring(0, 16);
    }
}
