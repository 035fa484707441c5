package io.imgorigin.serving;

import java.time.Duration;

import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ImageProcessor;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.Watermark;
import io.imgorigin.serving.watermark.WatermarkStore;
import io.imgorigin.source.ImageSource;
import io.imgorigin.source.SourceObject;

/**
 * Answers one image request: a conditional request is checked against the source's metadata alone;
 * otherwise the original is fetched and processed on the CPU workers, identical concurrent requests
 * sharing one fetch and one transform.
 */
public final class ImageService {

    private final SourceRequests requests;
    private final ImageProcessor processor;
    private final EntityTags entityTags;
    private final ServiceMetrics metrics;
    private final WatermarkStore watermarks;
    private final RequestCoalescer<CoalescingKey, ImageResult.Rendered> coalescer = new RequestCoalescer<>();

    public ImageService(ImageSource source, ImageProcessor processor, CpuWorkers workers, EntityTags entityTags,
            ServiceMetrics metrics, long maxSourceBytes, Duration processingTimeout) {
        this(source, processor, workers, entityTags, metrics, maxSourceBytes, processingTimeout, WatermarkStore.none());
    }

    /** @param watermarks the watermark {@code wm} draws; its ETag is part of the image's */
    public ImageService(ImageSource source, ImageProcessor processor, CpuWorkers workers, EntityTags entityTags,
            ServiceMetrics metrics, long maxSourceBytes, Duration processingTimeout, WatermarkStore watermarks) {
        this.requests = new SourceRequests(source, workers, metrics, maxSourceBytes, processingTimeout);
        this.watermarks = watermarks;
        this.processor = processor;
        this.entityTags = entityTags;
        this.metrics = metrics;
    }

    public ImageResult serve(ImageRequest request) {
        Watermark watermark = request.options().watermark() == null ? null : watermarks.current();
        String watermarkEtag = watermark == null ? null : watermark.etag();
        CoalescingKey key = new CoalescingKey(request.key(), request.options().canonical(),
                EntityTags.autoVariant(request.options(), request.autoFormat(), request.animatedAutoFormat()),
                watermarkEtag);
        return requests.serve(request.key(), request.preconditions(),
                sourceEtag -> entityTags.of(sourceEtag, request.options(), request.autoFormat(),
                        request.animatedAutoFormat(), watermarkEtag),
                coalescer, key, () -> render(request, watermark));
    }

    /** Renders under way that callers are waiting for, each counted once however many share it. */
    public int rendersInFlight() {
        return coalescer.inFlight();
    }

    private ImageResult.Rendered render(ImageRequest request, Watermark watermark) {
        Deadline deadline = requests.deadline();
        SourceObject original = requests.fetch(request.key());
        String etag = entityTags.of(original.metadata().etag(), request.options(), request.autoFormat(),
                request.animatedAutoFormat(), watermark == null ? null : watermark.etag());
        ProcessingRequest processing = new ProcessingRequest(request.options(), request.autoFormat(), deadline,
                watermark, request.animatedAutoFormat());
        var image = requests.onWorkers(() -> processor.process(original.bytes(), processing));
        metrics.outputBytes(image.bytes().length);
        return new ImageResult.Rendered(image, etag, original.metadata());
    }

    private record CoalescingKey(String key, String canonicalOptions, String autoVariant, String watermarkEtag) {
    }
}
