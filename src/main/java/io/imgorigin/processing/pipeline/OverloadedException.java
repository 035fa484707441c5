package io.imgorigin.processing.pipeline;

import java.util.Locale;

/** Too much work in flight: answered 503 with Retry-After rather than queued without bound. */
public class OverloadedException extends RuntimeException {

    /** What was full. */
    public enum Reason {
        /** Every CPU worker was busy and the queue in front of them full. */
        QUEUE_FULL,
        /** The memory budget had no room for the decode within the memory wait. */
        MEMORY;

        /** The tag on the rejection metric. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public OverloadedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
