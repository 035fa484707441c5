package io.imgorigin.serving;

import java.time.Duration;

import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ImageInfo;
import io.imgorigin.processing.pipeline.ImageInspector;
import io.imgorigin.source.ImageSource;
import io.imgorigin.source.SourceObject;

/**
 * Answers {@code info=true} (SPEC section 3.1) the way {@link ImageService} answers an image
 * ({@link SourceRequests}): the original is inspected on the CPU workers (the probe's limits, then a small
 * decode).
 */
public final class InfoService {

    private final SourceRequests requests;
    private final ImageInspector inspector;
    private final EntityTags entityTags;
    private final RequestCoalescer<String, ImageResult.Described> coalescer = new RequestCoalescer<>();

    public InfoService(ImageSource source, ImageInspector inspector, CpuWorkers workers, EntityTags entityTags,
            ServiceMetrics metrics, long maxSourceBytes, Duration processingTimeout) {
        this.requests = new SourceRequests(source, workers, metrics, maxSourceBytes, processingTimeout);
        this.inspector = inspector;
        this.entityTags = entityTags;
    }

    public ImageResult serve(String key, Preconditions preconditions) {
        return requests.serve(key, preconditions, entityTags::ofInfo, coalescer, key, () -> inspect(key));
    }

    private ImageResult.Described inspect(String key) {
        Deadline deadline = requests.deadline();
        SourceObject original = requests.fetch(key);
        ImageInfo info = requests.onWorkers(() -> inspector.inspect(original.bytes(), deadline));
        return new ImageResult.Described(info, entityTags.ofInfo(original.metadata().etag()), original.metadata());
    }
}
