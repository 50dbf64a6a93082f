package org.mer4j.features;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The feature cache itself failed (a file that cannot be read, a full disk, a read-only or vanished
 * folder). Unlike a bad clip, this stops extraction: the message names the path and the fix, and
 * no table is built from the clips that happened to survive.
 */
public final class FeatureStoreException extends UncheckedIOException {
    public FeatureStoreException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
