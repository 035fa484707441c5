package io.imgorigin.serving;

import io.imgorigin.processing.pipeline.OverloadedException;

import java.time.Duration;

import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ImageProcessor;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.ProcessingTimeoutException;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.processing.pipeline.Watermark;
import io.imgorigin.serving.watermark.WatermarkStore;
import io.imgorigin.source.ImageSource;
import io.imgorigin.source.SourceMetadata;
import io.imgorigin.source.SourceObject;
import io.imgorigin.source.SourceTooLargeException;

/**
 * Answers one image request: a conditional request is checked against the source's metadata alone;
 * otherwise the original is fetched and processed on the CPU workers, identical concurrent requests
 * sharing one fetch and one transform.
 */
public final class ImageService {

    private final ImageSource source;
    private final ImageProcessor processor;
    private final CpuWorkers workers;
    private final EntityTags entityTags;
    private final ServiceMetrics metrics;
    private final long maxSourceBytes;
    private final Duration processingTimeout;
    private final WatermarkStore watermarks;
    private final RequestCoalescer<CoalescingKey, ImageResult.Rendered> coalescer = new RequestCoalescer<>();

    public ImageService(ImageSource source, ImageProcessor processor, CpuWorkers workers, EntityTags entityTags,
            ServiceMetrics metrics, long maxSourceBytes, Duration processingTimeout) {
        this(source, processor, workers, entityTags, metrics, maxSourceBytes, processingTimeout, WatermarkStore.none());
    }

    /** @param watermarks the watermark {@code wm} draws; its ETag is part of the image's */
    public ImageService(ImageSource source, ImageProcessor processor, CpuWorkers workers, EntityTags entityTags,
            ServiceMetrics metrics, long maxSourceBytes, Duration processingTimeout, WatermarkStore watermarks) {
        this.watermarks = watermarks;
        this.source = source;
        this.processor = processor;
        this.workers = workers;
        this.entityTags = entityTags;
        this.metrics = metrics;
        this.maxSourceBytes = maxSourceBytes;
        this.processingTimeout = processingTimeout;
    }

    public ImageResult serve(ImageRequest request) {
        Preconditions preconditions = request.preconditions();
        Watermark watermark = request.options().watermark() == null ? null : watermarks.current();
        String watermarkEtag = watermark == null ? null : watermark.etag();
        if (preconditions.present()) {
            SourceMetadata metadata = metrics.timeStage("stat", () -> source.stat(request.key()));
            String etag = entityTags.of(metadata.etag(), request.options(), request.autoFormat(),
                    request.animatedAutoFormat(), watermarkEtag);
            if (preconditions.notModified(etag, metadata.lastModified())) {
                return new ImageResult.NotModified(etag, metadata);
            }
        }
        CoalescingKey key = new CoalescingKey(request.key(), request.options().canonical(),
                EntityTags.autoVariant(request.options(), request.autoFormat(), request.animatedAutoFormat()),
                watermarkEtag);
        ImageResult.Rendered rendered;
        try {
            rendered = coalescer.run(key, () -> render(request, watermark), metrics::coalesced);
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
        if (preconditions.present() && preconditions.notModified(rendered.etag(), rendered.source().lastModified())) {
            return new ImageResult.NotModified(rendered.etag(), rendered.source());
        }
        return rendered;
    }

    /** Renders under way that callers are waiting for, each counted once however many share it. */
    public int rendersInFlight() {
        return coalescer.inFlight();
    }

    private ImageResult.Rendered render(ImageRequest request, Watermark watermark) {
        Deadline deadline = Deadline.after(processingTimeout);
        SourceObject original = metrics.timeStage("fetch", () -> source.fetch(request.key(), maxSourceBytes));
        metrics.sourceBytes(original.bytes().length);
        String etag = entityTags.of(original.metadata().etag(), request.options(), request.autoFormat(),
                request.animatedAutoFormat(), watermark == null ? null : watermark.etag());
        ProcessingRequest processing = new ProcessingRequest(request.options(), request.autoFormat(), deadline,
                watermark, request.animatedAutoFormat());
        var image = workers.run(() -> processor.process(original.bytes(), processing), processingTimeout);
        metrics.outputBytes(image.bytes().length);
        return new ImageResult.Rendered(image, etag, original.metadata());
    }

    private record CoalescingKey(String key, String canonicalOptions, String autoVariant, String watermarkEtag) {
    }
}
