package io.imgorigin.serving;

/** Too much work in flight: answered 503 with Retry-After rather than queued without bound. */
public class OverloadedException extends RuntimeException {

    private final String reason;

    public OverloadedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A short tag for metrics: "queue_full", "queue_wait", "memory". */
    public String reason() {
        return reason;
    }
}
