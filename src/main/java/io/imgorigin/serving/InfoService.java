package io.imgorigin.serving;

import java.time.Duration;

import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ImageInfo;
import io.imgorigin.processing.pipeline.ImageInspector;
import io.imgorigin.processing.pipeline.OverloadedException;
import io.imgorigin.processing.pipeline.ProcessingTimeoutException;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.source.ImageSource;
import io.imgorigin.source.SourceMetadata;
import io.imgorigin.source.SourceObject;
import io.imgorigin.source.SourceTooLargeException;

/**
 * Answers {@code info=true} (SPEC section 3.1) the way {@link ImageService} answers an image: a conditional
 * request is checked against the source's metadata alone; otherwise the original is fetched (within
 * max-source-bytes) and inspected on the CPU workers (the probe's limits, then a small decode), identical
 * concurrent requests sharing the work.
 */
public final class InfoService {

    private final ImageSource source;
    private final ImageInspector inspector;
    private final CpuWorkers workers;
    private final EntityTags entityTags;
    private final ServiceMetrics metrics;
    private final long maxSourceBytes;
    private final Duration processingTimeout;
    private final RequestCoalescer<String, ImageResult.Described> coalescer = new RequestCoalescer<>();

    public InfoService(ImageSource source, ImageInspector inspector, CpuWorkers workers, EntityTags entityTags,
            ServiceMetrics metrics, long maxSourceBytes, Duration processingTimeout) {
        this.source = source;
        this.inspector = inspector;
        this.workers = workers;
        this.entityTags = entityTags;
        this.metrics = metrics;
        this.maxSourceBytes = maxSourceBytes;
        this.processingTimeout = processingTimeout;
    }

    public ImageResult serve(String key, Preconditions preconditions) {
        if (preconditions.present()) {
            SourceMetadata metadata = metrics.timeStage("stat", () -> source.stat(key));
            String etag = entityTags.ofInfo(metadata.etag());
            if (preconditions.notModified(etag, metadata.lastModified())) {
                return new ImageResult.NotModified(etag, metadata);
            }
        }
        ImageResult.Described described;
        try {
            described = coalescer.run(key, () -> inspect(key), metrics::coalesced);
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
        if (preconditions.present() && preconditions.notModified(described.etag(), described.source().lastModified())) {
            return new ImageResult.NotModified(described.etag(), described.source());
        }
        return described;
    }

    private ImageResult.Described inspect(String key) {
        Deadline deadline = Deadline.after(processingTimeout);
        SourceObject original = metrics.timeStage("fetch", () -> source.fetch(key, maxSourceBytes));
        metrics.sourceBytes(original.bytes().length);
        ImageInfo info = workers.run(() -> inspector.inspect(original.bytes(), deadline), processingTimeout);
        return new ImageResult.Described(info, entityTags.ofInfo(original.metadata().etag()), original.metadata());
    }
}
