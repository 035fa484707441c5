package io.imgorigin.codec.libwebp;

/** libwebp refused the data or failed; the message says which call and, where libwebp tells, why. */
public final class WebpException extends RuntimeException {

    public WebpException(String message) {
        super(message);
    }
}
