package io.imgorigin.codec.jpeg;

import java.io.IOException;

/** JPEG data that a reader in this package cannot make sense of: truncated, inconsistent or malformed. */
public final class JpegDataException extends IOException {

    public JpegDataException(String message) {
        super(message);
    }
}
