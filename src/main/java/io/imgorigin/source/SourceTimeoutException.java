package io.imgorigin.source;

/** The store did not answer within the configured timeout. */
public class SourceTimeoutException extends RuntimeException {

    public SourceTimeoutException(String message) {
        super(message);
    }

    public SourceTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
