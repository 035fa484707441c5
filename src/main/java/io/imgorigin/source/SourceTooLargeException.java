package io.imgorigin.source;

/** The original is larger than imgorigin.limits.max-source-bytes. */
public class SourceTooLargeException extends RuntimeException {

    public SourceTooLargeException(String message) {
        super(message);
    }

    public SourceTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
