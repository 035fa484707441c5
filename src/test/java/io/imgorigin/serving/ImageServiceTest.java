package io.imgorigin.serving;

import io.imgorigin.processing.pipeline.OverloadedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.imgorigin.options.ImageOptions;
import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.pipeline.ImageProcessor;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessedImage;
import io.imgorigin.source.ImageSource;
import io.imgorigin.source.SourceMetadata;
import io.imgorigin.source.SourceObject;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ImageServiceTest {

    private static final SourceMetadata METADATA = new SourceMetadata("abc", Instant.parse("2026-01-01T00:00:00Z"), null);

    private final OptionsParser parser = new OptionsParser(8192, 80);

    /** Counts calls and holds every fetch until released. */
    private static final class CountingSource implements ImageSource {

        final AtomicInteger stats = new AtomicInteger();
        final AtomicInteger fetches = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public SourceMetadata stat(String key) {
            stats.incrementAndGet();
            return METADATA;
        }

        @Override
        public SourceObject fetch(String key, long maxBytes) {
            fetches.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SourceObject(METADATA, new byte[] {1, 2, 3});
        }
    }

    private static final class CountingProcessor implements ImageProcessor {

        final AtomicInteger runs = new AtomicInteger();

        @Override
        public ProcessedImage process(byte[] source, io.imgorigin.processing.pipeline.ProcessingRequest request) {
            runs.incrementAndGet();
            return new ProcessedImage(new byte[] {9}, OutputFormat.PNG, 1, 1);
        }
    }

    private ImageRequest request(String query, io.imgorigin.serving.Preconditions preconditions) {
        ImageOptions options = parser.parse(query).options();
        return new ImageRequest("photos/cat.jpg", options, false, preconditions);
    }

    @Test
    void twentyIdenticalConcurrentRequestsCostOneFetchAndOneTransform() throws Exception {
        CountingSource source = new CountingSource();
        CountingProcessor processor = new CountingProcessor();
        ServiceMetrics metrics = new ServiceMetrics(new SimpleMeterRegistry());
        int callers = 20;
        try (CpuWorkers workers = new CpuWorkers(2, 32);
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            ImageService service = new ImageService(source, processor, workers, new EntityTags("e"), metrics, 1 << 20,
                    Duration.ofSeconds(30));
            List<Future<ImageResult>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String query = i % 2 == 0 ? "w=10&h=20" : "h=20&w=10";
                results.add(pool.submit(() -> service.serve(request(query, Preconditions.NONE))));
            }
            while (metrics.coalescedCount() < callers - 1) {
                Thread.onSpinWait();
            }
            source.release.countDown();
            String etag = null;
            for (Future<ImageResult> result : results) {
                ImageResult answer = result.get(10, TimeUnit.SECONDS);
                assertThat(answer).isInstanceOf(ImageResult.Rendered.class);
                etag = etag == null ? answer.etag() : etag;
                assertThat(answer.etag()).isEqualTo(etag);
            }
        }
        assertThat(source.fetches).hasValue(1);
        assertThat(processor.runs).hasValue(1);
    }

    @Test
    void aMatchingConditionalRequestNeitherFetchesNorProcesses() {
        CountingSource source = new CountingSource();
        source.release.countDown();
        CountingProcessor processor = new CountingProcessor();
        try (CpuWorkers workers = new CpuWorkers(1, 1)) {
            ImageService service = new ImageService(source, processor, workers, new EntityTags("e"),
                    new ServiceMetrics(new SimpleMeterRegistry()), 1 << 20, Duration.ofSeconds(30));
            ImageResult first = service.serve(request("w=10", Preconditions.NONE));
            ImageResult second = service.serve(request("w=10", Preconditions.of(first.etag(), null)));
            assertThat(second).isInstanceOf(ImageResult.NotModified.class);
            assertThat(second.etag()).isEqualTo(first.etag());
            ImageResult third = service.serve(request("w=10", Preconditions.of(null, METADATA.lastModified())));
            assertThat(third).isInstanceOf(ImageResult.NotModified.class);
        }
        assertThat(source.fetches).hasValue(1);
        assertThat(source.stats).hasValue(2);
        assertThat(processor.runs).hasValue(1);
    }

    @Test
    void overloadIsCountedAsARejection() {
        CountingSource source = new CountingSource();
        source.release.countDown();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ImageProcessor overloaded = (bytes, request) -> {
            throw new OverloadedException(OverloadedException.Reason.MEMORY, "full");
        };
        try (CpuWorkers workers = new CpuWorkers(1, 1)) {
            ImageService service = new ImageService(source, overloaded, workers, new EntityTags("e"), new ServiceMetrics(registry),
                    1 << 20, Duration.ofSeconds(30));
            assertThatThrownBy(() -> service.serve(request("w=10", Preconditions.NONE))).isInstanceOf(OverloadedException.class);
        }
        assertThat(registry.get("imgorigin.rejections").tag("reason", "memory").counter().count()).isEqualTo(1);
    }
}
