package io.imgorigin.serving.watermark;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.imgorigin.options.InvalidOptionException;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ImageDecoder;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.processing.pipeline.Watermark;
import io.imgorigin.source.ImageSource;
import io.imgorigin.source.SourceMetadata;
import io.imgorigin.source.SourceNotFoundException;
import io.imgorigin.source.SourceObject;
import io.imgorigin.source.SourceTooLargeException;

/**
 * The configured watermark, decoded once and kept with the store's ETag. A {@code wm} request checks that
 * ETag again once {@code refresh} has passed since the last check (one request does, the others go on with
 * the watermark they have), and only a changed ETag fetches and decodes it again. A missing or unusable
 * watermark is logged once per change and answered 502 until it exists; a store that fails or times out
 * leaves the watermark in use as it was.
 */
public final class WatermarkStore {

    private static final Logger log = LoggerFactory.getLogger(WatermarkStore.class);

    /** What is known about the watermark: the decoded image, or why there is none, and when it was checked. */
    private record State(Watermark watermark, String problem, long checkedAt) {
    }

    private final String key;
    private final long refreshNanos;
    private final ImageSource source;
    private final ImageDecoder decoder;
    private final long maxBytes;
    private final Duration decodeTimeout;
    private final LongSupplier nanoTime;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile State state;

    /**
     * @param maxBytes      the largest watermark object read (max-source-bytes)
     * @param decodeTimeout the deadline of its decode (the processing timeout)
     * @param nanoTime      the clock refreshes are timed by
     */
    public WatermarkStore(WatermarkProperties properties, ImageSource source, ImageDecoder decoder, long maxBytes,
            Duration decodeTimeout, LongSupplier nanoTime) {
        this.key = properties.key();
        this.refreshNanos = properties.refresh().toNanos();
        this.source = source;
        this.decoder = decoder;
        this.maxBytes = maxBytes;
        this.decodeTimeout = decodeTimeout;
        this.nanoTime = nanoTime;
    }

    /** A store without a watermark: every {@code wm} request is a 400. */
    public static WatermarkStore none() {
        return new WatermarkStore(new WatermarkProperties("", Duration.ofMinutes(1)), null, null, 0, Duration.ZERO,
                System::nanoTime);
    }

    public boolean configured() {
        return !key.isEmpty();
    }

    /** Reads the watermark now, at start, so the log tells at once whether it can be used. */
    public void load() {
        if (configured()) {
            refresh(null);
        }
    }

    /**
     * The watermark for a request that asks for one.
     *
     * @throws InvalidOptionException         when no watermark is configured (400)
     * @throws WatermarkUnavailableException when it does not exist or cannot be used (502)
     */
    public Watermark current() {
        if (!configured()) {
            throw new InvalidOptionException("wm", "option 'wm' draws the configured watermark, and this service "
                    + "has none (imgorigin.watermark.key is empty)");
        }
        State known = state;
        if (known == null || nanoTime.getAsLong() - known.checkedAt() >= refreshNanos) {
            known = checked(known);
        }
        if (known.watermark() == null) {
            throw new WatermarkUnavailableException(key, known.problem());
        }
        return known.watermark();
    }

    /** Refreshes, or, while another request refreshes, goes on with the watermark there is (if any). */
    private State checked(State known) {
        if (known != null && known.watermark() != null) {
            if (!refreshing.tryLock()) {
                return known;
            }
        } else {
            refreshing.lock();
        }
        try {
            State latest = state;
            if (latest != known && latest != null) {
                return latest;
            }
            return refresh(known);
        } finally {
            refreshing.unlock();
        }
    }

    private State refresh(State known) {
        Watermark previous = known == null ? null : known.watermark();
        State next;
        try {
            SourceMetadata metadata = source.stat(key);
            if (previous != null && previous.etag().equals(metadata.etag())) {
                next = new State(previous, null, nanoTime.getAsLong());
            } else {
                SourceObject object = source.fetch(key, maxBytes);
                BufferedImage image = decoder.decode(object.bytes(), Deadline.after(decodeTimeout));
                next = new State(new Watermark(image, object.metadata().etag()), null, nanoTime.getAsLong());
                log.info("Watermark '{}' loaded: {}×{} pixels, ETag {}", key, image.getWidth(), image.getHeight(),
                        object.metadata().etag());
            }
        } catch (SourceNotFoundException e) {
            next = unavailable(known, "does not exist in the image store");
        } catch (UnsupportedImageException | UnusableImageException | SourceTooLargeException e) {
            next = unavailable(known, "is not an image that can be used: " + e.getMessage());
        } catch (RuntimeException e) {
            if (previous != null) {
                log.warn("Watermark '{}' could not be checked ({}); the one loaded before stays in use", key,
                        e.toString());
                next = new State(previous, null, nanoTime.getAsLong());
            } else {
                next = unavailable(known, "could not be read from the image store: " + e.getMessage());
            }
        }
        state = next;
        return next;
    }

    private State unavailable(State known, String problem) {
        if (known == null || !problem.equals(known.problem())) {
            log.warn("Watermark '{}' {}; requests with 'wm' are answered 502 until it can be read", key, problem);
        }
        return new State(null, problem, nanoTime.getAsLong());
    }
}
