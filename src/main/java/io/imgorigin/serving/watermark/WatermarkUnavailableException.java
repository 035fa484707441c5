package io.imgorigin.serving.watermark;

/**
 * The configured watermark does not exist or cannot be used: a {@code wm} request is answered 502 (the
 * store does not hold what the service's configuration promises) until it does.
 */
public class WatermarkUnavailableException extends RuntimeException {

    public WatermarkUnavailableException(String key, String reason) {
        super("the watermark '" + key + "' (imgorigin.watermark.key) " + reason);
    }
}
