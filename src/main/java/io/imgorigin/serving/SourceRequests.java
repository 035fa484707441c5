package io.imgorigin.serving;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.OverloadedException;
import io.imgorigin.processing.pipeline.ProcessingTimeoutException;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.source.ImageSource;
import io.imgorigin.source.SourceMetadata;
import io.imgorigin.source.SourceObject;
import io.imgorigin.source.SourceTooLargeException;

/**
 * The path an image request and an info request share: a conditional request is checked against the source's
 * metadata alone; otherwise the original is fetched (within max-source-bytes) and worked on by the CPU
 * workers, identical concurrent requests sharing one fetch and one result, and refusals counted by reason.
 */
final class SourceRequests {

    private final ImageSource source;
    private final CpuWorkers workers;
    private final ServiceMetrics metrics;
    private final long maxSourceBytes;
    private final Duration processingTimeout;

    SourceRequests(ImageSource source, CpuWorkers workers, ServiceMetrics metrics, long maxSourceBytes,
            Duration processingTimeout) {
        this.source = source;
        this.workers = workers;
        this.metrics = metrics;
        this.maxSourceBytes = maxSourceBytes;
        this.processingTimeout = processingTimeout;
    }

    /**
     * @param etagOf        the answer's entity tag from the source's
     * @param coalescer     where identical requests meet
     * @param coalescingKey what makes two requests identical
     * @param work          fetches ({@link #fetch}) and makes the answer
     */
    <K, R extends ImageResult> ImageResult serve(String key, Preconditions preconditions, UnaryOperator<String> etagOf,
            RequestCoalescer<K, R> coalescer, K coalescingKey, Supplier<R> work) {
        if (preconditions.present()) {
            SourceMetadata metadata = metrics.timeStage("stat", () -> source.stat(key));
            String etag = etagOf.apply(metadata.etag());
            if (preconditions.notModified(etag, metadata.lastModified())) {
                return new ImageResult.NotModified(etag, metadata);
            }
        }
        R result;
        try {
            result = coalescer.run(coalescingKey, work, metrics::coalesced);
        } catch (OverloadedException e) {
            metrics.rejected(e.reason().tag());
            throw e;
        } catch (UnsupportedImageException e) {
            metrics.rejected("unsupported");
            throw e;
        } catch (UnusableImageException | SourceTooLargeException e) {
            metrics.rejected("unusable");
            throw e;
        } catch (ProcessingTimeoutException e) {
            metrics.rejected("timeout");
            throw e;
        }
        if (preconditions.present() && preconditions.notModified(result.etag(), result.source().lastModified())) {
            return new ImageResult.NotModified(result.etag(), result.source());
        }
        return result;
    }

    /** The original, counted. */
    SourceObject fetch(String key) {
        SourceObject original = metrics.timeStage("fetch", () -> source.fetch(key, maxSourceBytes));
        metrics.sourceBytes(original.bytes().length);
        return original;
    }

    /** The deadline of work that starts now. */
    Deadline deadline() {
        return Deadline.after(processingTimeout);
    }

    /** Runs CPU work on the workers, within the processing timeout. */
    <T> T onWorkers(Callable<T> work) {
        return workers.run(work, processingTimeout);
    }
}
