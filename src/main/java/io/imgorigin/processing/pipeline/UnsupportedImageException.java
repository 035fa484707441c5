package io.imgorigin.processing.pipeline;

/** The bytes are not an image format imgorigin reads: answered 415. */
public class UnsupportedImageException extends RuntimeException {

    public UnsupportedImageException(String message) {
        super(message);
    }

    public UnsupportedImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
