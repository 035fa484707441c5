package io.imgorigin.serving;

import java.util.function.Supplier;

import io.imgorigin.processing.pipeline.StageObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The service's own meters, all named {@code imgorigin.*}. */
public final class ServiceMetrics implements StageObserver {

    private final MeterRegistry registry;
    private final DistributionSummary sourceBytes;
    private final DistributionSummary outputBytes;
    private final Counter coalesced;

    public ServiceMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.sourceBytes = DistributionSummary.builder("imgorigin.source.bytes").baseUnit("bytes")
                .description("Size of the originals fetched").publishPercentileHistogram().register(registry);
        this.outputBytes = DistributionSummary.builder("imgorigin.output.bytes").baseUnit("bytes")
                .description("Size of the images sent").publishPercentileHistogram().register(registry);
        this.coalesced = Counter.builder("imgorigin.coalesced")
                .description("Requests answered by an identical request's work").register(registry);
    }

    public <T> T timeStage(String stage, Supplier<T> work) {
        Timer.Sample sample = Timer.start(registry);
        try {
            return work.get();
        } finally {
            sample.stop(stageTimer(stage));
        }
    }

    @Override
    public void stepFinished(String step, long nanos) {
        stageTimer(step).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void sourceBytes(long bytes) {
        sourceBytes.record(bytes);
    }

    public void outputBytes(long bytes) {
        outputBytes.record(bytes);
    }

    public void coalesced() {
        coalesced.increment();
    }

    public void rejected(String reason) {
        registry.counter("imgorigin.rejections", "reason", reason).increment();
    }

    public double coalescedCount() {
        return coalesced.count();
    }

    private Timer stageTimer(String stage) {
        return Timer.builder("imgorigin.stage").tag("stage", stage)
                .description("Time spent in each stage of a request").publishPercentileHistogram().register(registry);
    }
}
