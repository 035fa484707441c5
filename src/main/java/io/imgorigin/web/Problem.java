package io.imgorigin.web;

import org.springframework.http.HttpStatus;

/**
 * One RFC 9457 problem as imgorigin answers it.
 *
 * @param type a URI naming the kind of problem, stable across versions
 */
public record Problem(HttpStatus status, String type, String detail) {

    private static final String TYPE_PREFIX = "urn:imgorigin:problem:";

    public static Problem of(HttpStatus status, String kind, String detail) {
        return new Problem(status, TYPE_PREFIX + kind, detail);
    }

    public String title() {
        return status.getReasonPhrase();
    }
}
