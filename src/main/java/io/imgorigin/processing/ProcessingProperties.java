package io.imgorigin.processing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code imgorigin.processing.*}. CPU work runs on {@code threads} workers (0: one per core) and up to
 * {@code queue} more requests may wait for one; beyond that a request is answered 503 at once. Each
 * request finishes within {@code timeout}. {@code memoryBudget} bounds the decoded pixel bytes of all
 * requests in flight (null: half the heap); a request waits up to {@code memoryWait} for room in it,
 * then gets a 503. {@code nativeCodecs} switches the libjpeg-turbo and libspng paths on (where the
 * libraries are installed) or off.
 */
@ConfigurationProperties("imgorigin.processing")
public record ProcessingProperties(
        @DefaultValue("20s") Duration timeout,
        @DefaultValue("0") int threads,
        @DefaultValue("16") int queue,
        @DefaultValue("2s") Duration memoryWait,
        DataSize memoryBudget,
        @DefaultValue("true") boolean nativeCodecs) {

    public int workerThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    public long memoryBudgetBytes() {
        return memoryBudget != null ? memoryBudget.toBytes() : Runtime.getRuntime().maxMemory() / 2;
    }
}
