package io.imgorigin.processing.pipeline;

/** An image that cannot be used: corrupt, truncated or over a limit; answered 422. */
public class UnusableImageException extends RuntimeException {

    public UnusableImageException(String message) {
        super(message);
    }

    public UnusableImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
