package io.imgorigin.serving;

import io.imgorigin.processing.pipeline.OverloadedException;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.imgorigin.processing.pipeline.ProcessingTimeoutException;

/**
 * The bounded pool that decodes, resizes and encodes: one platform thread per core and a short
 * queue. Requests arrive on virtual threads and wait here; when the queue is full the request is
 * refused at once instead of piling up.
 */
public final class CpuWorkers implements AutoCloseable {

    private final ThreadPoolExecutor executor;
    private final AtomicInteger running = new AtomicInteger();

    public CpuWorkers(int threads, int queue) {
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, queue)),
                runnable -> {
                    Thread thread = new Thread(runnable, "imgorigin-cpu-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    public <T> T run(Callable<T> work, Duration timeout) {
        Future<T> future;
        try {
            future = executor.submit(() -> {
                running.incrementAndGet();
                try {
                    return work.call();
                } finally {
                    running.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            throw new OverloadedException(OverloadedException.Reason.QUEUE_FULL, "all image workers are busy and the queue is full");
        }
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProcessingTimeoutException("processing did not finish within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProcessingTimeoutException("interrupted while waiting for an image worker");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    public int queued() {
        return executor.getQueue().size();
    }

    public int running() {
        return running.get();
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
