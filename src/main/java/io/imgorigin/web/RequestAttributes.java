package io.imgorigin.web;

/** Names of request attributes the web layer passes from the controller to logging and metrics. */
final class RequestAttributes {

    static final String OUTPUT_FORMAT = "imgorigin.outputFormat";

    private RequestAttributes() {
    }
}
