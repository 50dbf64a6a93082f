package org.mer4j.api;

/** A manifest that cannot be used; the message names the file, the clip, the field and the fix. */
public class ManifestException extends RuntimeException {
    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
