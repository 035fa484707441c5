package io.imgorigin.source;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The deadline of one answer from the store: {@code imgorigin.source.timeout} from the moment the
 * request is sent, covering the connection, the headers and every byte of the body.
 *
 * <p>The S3 client's own timers stop once it returns the response and the body is left to read, and a
 * socket read timeout only bounds each read: a store that trickles a byte now and then would hold the
 * request for as long as it likes. So once the body is in hand, {@link #onExpiry} arranges for it to be
 * aborted at the deadline, which closes the connection under a read that is blocked, and the caller,
 * seeing the read fail, asks {@link #expired()} whether that was the deadline.
 *
 * <p>One daemon thread keeps the timers for the whole process; each timer only calls an abort, which
 * does not block.
 */
final class StoreDeadline implements AutoCloseable {

    private static final ScheduledThreadPoolExecutor TIMERS = timers();

    private final long deadlineNanos;
    private final AtomicBoolean expired = new AtomicBoolean();
    private boolean armed;
    private ScheduledFuture<?> timer;

    private StoreDeadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** A deadline {@code timeout} from now. */
    static StoreDeadline start(Duration timeout) {
        return new StoreDeadline(System.nanoTime() + timeout.toNanos());
    }

    /** What is left of the deadline, never negative. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /**
     * Runs {@code abort} at the deadline, or at once if it has passed, unless {@link #close()} comes
     * first. Called at most once per deadline.
     */
    synchronized void onExpiry(Runnable abort) {
        if (armed) {
            throw new IllegalStateException("an expiry action is already set");
        }
        armed = true;
        Runnable expire = () -> {
            expired.set(true);
            abort.run();
        };
        long delay = deadlineNanos - System.nanoTime();
        if (delay <= 0) {
            expire.run();
            return;
        }
        timer = TIMERS.schedule(expire, delay, TimeUnit.NANOSECONDS);
    }

    /** Whether the deadline has passed with the abort set: true before the abort runs, so a read it breaks sees it. */
    boolean expired() {
        return expired.get();
    }

    /** Cancels the abort if it has not run yet. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** Timers set and neither run nor cancelled yet, over the whole process. */
    static int pendingTimers() {
        return TIMERS.getQueue().size();
    }

    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "imgorigin-store-deadline");
            thread.setDaemon(true);
            return thread;
        });
        // Nearly every timer is cancelled long before it is due; keep the queue to the live ones.
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
