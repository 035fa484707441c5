package io.imgorigin.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RequestCoalescerTest {

    @Test
    void concurrentCallersShareOneRun() throws Exception {
        RequestCoalescer<String, Integer> coalescer = new RequestCoalescer<>();
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger shared = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        int callers = 10;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> coalescer.run("k", () -> {
                    runs.incrementAndGet();
                    await(release);
                    return 42;
                }, shared::incrementAndGet)));
            }
            // the work is held until every other caller has joined it
            while (shared.get() < callers - 1) {
                Thread.onSpinWait();
            }
            release.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(42);
            }
        }
        assertThat(runs).hasValue(1);
        assertThat(coalescer.inFlight()).isZero();
    }

    @Test
    void failuresReachEveryCallerAndAreNotKept() {
        RequestCoalescer<String, Integer> coalescer = new RequestCoalescer<>();
        assertThatThrownBy(() -> coalescer.run("k", () -> {
            throw new IllegalArgumentException("boom");
        }, () -> { })).hasMessage("boom");
        assertThat(coalescer.run("k", () -> 7, () -> { })).isEqualTo(7);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
