package io.imgorigin.processing.pipeline;

import java.time.Duration;

/** A point in time after which a request's processing gives up; checked between steps. */
public record Deadline(long expiresAtNanos) {

    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    public boolean expired() {
        return System.nanoTime() - expiresAtNanos > 0;
    }

    public void check(String beforeStep) {
        if (expired()) {
            throw new ProcessingTimeoutException("processing did not finish in time (stopped before " + beforeStep + ")");
        }
    }
}
