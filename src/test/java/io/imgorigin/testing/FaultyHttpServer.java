package io.imgorigin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on 127.0.0.1 that misbehaves the same way for every request: it answers with a fixed
 * status and an S3 error document, or accepts the request and never answers until closed, or answers
 * 200 with a body that has no declared length and does not end. Point an S3 client at
 * {@link #endpoint()} (path-style, any credentials) to see how the caller copes with such a store.
 *
 * <pre>{@code
 * try (FaultyHttpServer store = FaultyHttpServer.answering(503, "SlowDown")) { ... }
 * try (FaultyHttpServer store = FaultyHttpServer.hanging()) { ... }
 * try (FaultyHttpServer store = FaultyHttpServer.endlessBody()) { ... store.bytesSent() ... }
 * }</pre>
 */
public final class FaultyHttpServer implements AutoCloseable {

    /** Where an endless body stops after all, so that a client that reads everything still ends. */
    public static final long ENDLESS_BODY_CAP = 1L << 30;

    private enum Behaviour { ERROR, HANG, ENDLESS }

    private final HttpServer server;
    private final ExecutorService workers;
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bytesSent = new AtomicLong();
    private final Behaviour behaviour;
    private final int status;
    private final String errorCode;

    private FaultyHttpServer(Behaviour behaviour, int status, String errorCode) {
        this.behaviour = behaviour;
        this.status = status;
        this.errorCode = errorCode;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind a local port", e);
        }
        // One thread per request so that hung requests never keep later ones from being counted.
        workers = Executors.newCachedThreadPool();
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers every request with {@code status} and an S3 error document carrying {@code errorCode}. */
    public static FaultyHttpServer answering(int status, String errorCode) {
        return new FaultyHttpServer(Behaviour.ERROR, status, errorCode);
    }

    /** Reads every request and never answers it (until {@link #close()}). */
    public static FaultyHttpServer hanging() {
        return new FaultyHttpServer(Behaviour.HANG, 0, null);
    }

    /**
     * Answers 200 with a chunked body of zeros, without Content-Length, that goes on until the client
     * hangs up (or {@link #ENDLESS_BODY_CAP} bytes).
     */
    public static FaultyHttpServer endlessBody() {
        return new FaultyHttpServer(Behaviour.ENDLESS, 200, null);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many requests have arrived so far, e.g. to see how often a client retried. */
    public int requestCount() {
        return requests.get();
    }

    /** Body bytes written to clients so far; a client that hangs up early keeps this low. */
    public long bytesSent() {
        return bytesSent.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            try (InputStream body = exchange.getRequestBody()) {
                body.transferTo(OutputStream.nullOutputStream());
            }
            switch (behaviour) {
                case HANG -> awaitRelease();
                case ENDLESS -> streamEndlessly(exchange);
                case ERROR -> answerError(exchange);
            }
        }
    }

    private void streamEndlessly(HttpExchange exchange) throws IOException {
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(status, 0);
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = exchange.getResponseBody()) {
            while (bytesSent.get() < ENDLESS_BODY_CAP) {
                out.write(chunk);
                bytesSent.addAndGet(chunk.length);
            }
        } catch (IOException clientHungUp) {
            // The expected end: the client stopped reading and closed the connection.
        }
    }

    private void answerError(HttpExchange exchange) throws IOException {
        byte[] document = errorDocument().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.getResponseHeaders().set("x-amz-request-id", "faulty-" + requests.get());
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, document.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(document);
        }
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String errorDocument() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + errorCode
                + "</Code><Message>Answered " + status + " on purpose</Message><RequestId>faulty</RequestId></Error>";
    }

    /** Releases every hung request and frees the port. */
    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        workers.shutdownNow();
    }
}
