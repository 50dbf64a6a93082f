package org.mer4j.text.asr;

/** The engine (binary, native library or model) is missing; the message says exactly how to install it. */
public final class AsrUnavailableException extends AsrException {
    public AsrUnavailableException(String message) {
        super(message);
    }

    public AsrUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
