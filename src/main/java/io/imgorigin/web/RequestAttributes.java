package io.imgorigin.web;

/** Names of request attributes the web layer passes from the controller to logging and metrics. */
final class RequestAttributes {

    /** The OutputFormat of an image answer, or a String naming another kind of answer ("json" for info). */
    static final String OUTPUT_FORMAT = "imgorigin.outputFormat";

    private RequestAttributes() {
    }
}
