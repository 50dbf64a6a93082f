package org.mer4j.api;

import java.util.List;

/**
 * An extractor that computes many clips faster together than one by one, such as a neural text
 * encoder whose forward pass takes a padded batch of sentences. The extraction runner hands it the
 * sources of up to {@link #batchClips()} clips whose track is missing in one call and stores each
 * returned track under its clip. Only extractors that need neither video nor audio are batched
 * (a batch extractor that asks for media is run one clip at a time through {@link #open}).
 *
 * <p>{@link #open(ClipSource)} stays the one-clip path and must give the same track: runners
 * without batching use it, and the runner falls back to it for every clip of a batch whose
 * {@link #extractAll} failed, so that one bad clip is skipped with its own reason and the others
 * complete.
 */
public interface BatchExtractor extends FeatureExtractor {

    /** How many clips the runner hands over in one {@link #extractAll} call, at least 1. */
    int batchClips();

    /**
     * The tracks of these clips, one per source and in the same order.
     *
     * @throws ClipFailedException when any clip of the batch cannot give the feature (the runner
     *     then retries the batch clip by clip)
     */
    List<FeatureTrack> extractAll(List<ClipSource> sources) throws ClipFailedException;
}
