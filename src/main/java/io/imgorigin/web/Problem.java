package io.imgorigin.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * One RFC 9457 problem as imgorigin answers it.
 *
 * @param status any status, including ones the container sends that {@link HttpStatus} does not name
 * @param type a URI naming the kind of problem, stable across versions
 */
public record Problem(HttpStatusCode status, String type, String detail) {

    private static final String TYPE_PREFIX = "urn:imgorigin:problem:";

    public static Problem of(HttpStatusCode status, String kind, String detail) {
        return new Problem(status, TYPE_PREFIX + kind, detail);
    }

    public String title() {
        return status instanceof HttpStatus known ? known.getReasonPhrase() : "Error";
    }
}
