package io.imgorigin.security;

/** A missing or wrong URL signature: answered 403. */
public class SignatureException extends RuntimeException {

    public SignatureException(String message) {
        super(message);
    }
}
