package io.imgorigin.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class StoreDeadlineTest {

    @Test
    void theAbortBreaksAReadThatIsBlockedAtTheDeadline() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
                Socket silent = server.accept();
                StoreDeadline deadline = StoreDeadline.start(Duration.ofMillis(200))) {
            deadline.onExpiry(() -> closeQuietly(client));
            InputStream in = client.getInputStream();
            long started = System.nanoTime();

            assertThatThrownBy(in::read).isInstanceOf(IOException.class);

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(150)).isLessThan(Duration.ofSeconds(1));
            assertThat(deadline.expired()).isTrue();
            assertThat(silent.isClosed()).isFalse();
        }
    }

    @Test
    void aPassedDeadlineAbortsAtOnce() {
        AtomicInteger aborts = new AtomicInteger();
        try (StoreDeadline deadline = StoreDeadline.start(Duration.ofNanos(1))) {
            while (!deadline.remaining().isZero()) {
                Thread.onSpinWait();
            }
            deadline.onExpiry(aborts::incrementAndGet);

            assertThat(aborts).hasValue(1);
            assertThat(deadline.expired()).isTrue();
        }
    }

    @Test
    void closingFirstCancelsTheAbortAndKeepsNoTimer() {
        AtomicInteger aborts = new AtomicInteger();
        int pending = StoreDeadline.pendingTimers();
        for (int i = 0; i < 1000; i++) {
            try (StoreDeadline deadline = StoreDeadline.start(Duration.ofMinutes(10))) {
                deadline.onExpiry(aborts::incrementAndGet);
                assertThat(deadline.remaining()).isPositive();
            }
        }
        assertThat(StoreDeadline.pendingTimers()).isEqualTo(pending);
        assertThat(aborts).hasValue(0);
    }

    @Test
    void oneAbortPerDeadline() {
        try (StoreDeadline deadline = StoreDeadline.start(Duration.ofSeconds(10))) {
            deadline.onExpiry(() -> { });
            assertThatThrownBy(() -> deadline.onExpiry(() -> { })).isInstanceOf(IllegalStateException.class);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closed is closed.
        }
    }
}
