package org.mer4j.text.asr;

import java.io.IOException;

/** A speech recogniser that is not installed, misconfigured or failed; the message says what to do. */
public class AsrException extends IOException {
    public AsrException(String message) {
        super(message);
    }

    public AsrException(String message, Throwable cause) {
        super(message, cause);
    }
}
