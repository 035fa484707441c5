package io.imgorigin.web;

/** A method other than GET or HEAD: answered 405 with {@code Allow: GET, HEAD}. */
class MethodNotAllowedException extends RuntimeException {

    MethodNotAllowedException(String method) {
        super("method " + method + " is not allowed; use GET or HEAD");
    }
}
