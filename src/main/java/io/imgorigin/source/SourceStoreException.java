package io.imgorigin.source;

/** The store answered with an error or could not be reached. */
public class SourceStoreException extends RuntimeException {

    public SourceStoreException(String message) {
        super(message);
    }

    public SourceStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
