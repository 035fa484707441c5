package io.imgorigin.processing.admit;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.imgorigin.processing.pipeline.OverloadedException;

/**
 * Bounds the pixel memory of all requests being processed at once. A request reserves its estimate
 * before its pixels are decoded and gives it back when it is done; one that does not fit waits a
 * short while and is then refused (503), so a burst of huge originals cannot exhaust the heap. An
 * estimate larger than the whole budget is admitted only when nothing else holds any of it.
 */
public final class MemoryBudget {

    private final long capacity;
    private final Duration maxWait;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private long used;

    public MemoryBudget(long capacityBytes, Duration maxWait) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("the memory budget must be positive");
        }
        this.capacity = capacityBytes;
        this.maxWait = maxWait;
    }

    /** Reserves {@code bytes} (capped at the capacity); the returned handle gives it back once. */
    public Reservation reserve(long bytes) {
        long wanted = Math.min(Math.max(bytes, 0), capacity);
        long deadline = System.nanoTime() + maxWait.toNanos();
        lock.lock();
        try {
            while (used + wanted > capacity) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new OverloadedException(OverloadedException.Reason.MEMORY, "not enough memory is free to decode this image now");
                }
                released.awaitNanos(remaining);
            }
            used += wanted;
            return new Reservation(this, wanted);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OverloadedException(OverloadedException.Reason.MEMORY, "interrupted while waiting for memory");
        } finally {
            lock.unlock();
        }
    }

    public long used() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }

    public long capacity() {
        return capacity;
    }

    private void release(long bytes) {
        lock.lock();
        try {
            used -= bytes;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A held part of the budget. */
    public static final class Reservation implements AutoCloseable {

        private final MemoryBudget budget;
        private final long bytes;
        private boolean closed;

        private Reservation(MemoryBudget budget, long bytes) {
            this.budget = budget;
            this.bytes = bytes;
        }

        public long bytes() {
            return bytes;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                budget.release(bytes);
            }
        }
    }
}
