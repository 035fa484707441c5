package io.imgorigin.serving;

import io.imgorigin.processing.pipeline.OverloadedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.imgorigin.processing.pipeline.ProcessingTimeoutException;

class CpuWorkersTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void fullQueueIsRefusedAtOnce() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (CpuWorkers workers = new CpuWorkers(1, 1);
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> running = callers.submit(() -> workers.run(() -> {
                started.countDown();
                release.await();
                return 1;
            }, LONG));
            started.await();
            Future<Integer> queued = callers.submit(() -> workers.run(() -> 2, LONG));
            while (workers.queued() < 1) {
                Thread.onSpinWait();
            }
            assertThatThrownBy(() -> workers.run(() -> 3, LONG))
                    .isInstanceOf(OverloadedException.class)
                    .satisfies(e -> assertThat(((OverloadedException) e).reason()).isEqualTo(OverloadedException.Reason.QUEUE_FULL));
            release.countDown();
            assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        }
    }

    @Test
    void workPastTheTimeoutIsAbandoned() {
        CountDownLatch never = new CountDownLatch(1);
        try (CpuWorkers workers = new CpuWorkers(1, 1)) {
            assertThatThrownBy(() -> workers.run(() -> {
                never.await();
                return 0;
            }, Duration.ofMillis(50))).isInstanceOf(ProcessingTimeoutException.class);
        }
    }

    @Test
    void failuresOfTheWorkReachTheCaller() {
        try (CpuWorkers workers = new CpuWorkers(1, 1)) {
            assertThatThrownBy(() -> workers.run(() -> {
                throw new IllegalArgumentException("bad");
            }, LONG)).isInstanceOf(IllegalArgumentException.class).hasMessage("bad");
        }
    }
}
