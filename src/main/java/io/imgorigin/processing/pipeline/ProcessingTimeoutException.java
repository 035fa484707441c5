package io.imgorigin.processing.pipeline;

/** Processing ran past the request's deadline. */
public class ProcessingTimeoutException extends RuntimeException {

    public ProcessingTimeoutException(String message) {
        super(message);
    }

    public ProcessingTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
