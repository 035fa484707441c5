package io.imgorigin.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on 127.0.0.1 in front of a real S3 endpoint (S3Proxy), that passes requests through
 * unchanged and breaks the answers to object downloads on demand: it trickles or stalls the body, resets
 * the connection half way, ends it early, declares a Content-Length the body does not have, answers
 * bursts of {@code 503 SlowDown} (or of any other error), or holds answers until the test lets them go.
 *
 * <pre>{@code
 * try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(s3.endpoint())) {
 *     // point the service at proxy.endpoint() instead of s3.endpoint()
 *     proxy.trickle(16, Duration.ofMillis(50));   // every GET from now on
 *     ...
 *     proxy.passThrough();                         // healthy again
 * }
 * }</pre>
 *
 * <p>Each request is forwarded on a fresh upstream connection and its whole answer is read before
 * anything is sent back, so a fault never depends on how S3Proxy frames its body. Body faults apply to
 * successful GETs (object downloads); HEAD and error answers always pass unchanged. {@link #throttle}
 * and {@link #failNext} apply to any request. Request bytes are forwarded as they came, so signatures stay valid.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    /** What happens to the body of a successful GET. */
    private sealed interface Fault {
    }

    private record PassThrough() implements Fault {
    }

    /** The head at once, then {@code bytes} of body every {@code interval}. */
    private record Trickle(int bytes, Duration interval) implements Fault {
    }

    /** The head and the first {@code bytes} of the body, then nothing until the client hangs up. */
    private record Stall(int bytes) implements Fault {
    }

    /** The head and the first {@code bytes} of the body, then a TCP reset. */
    private record Reset(int bytes) implements Fault {
    }

    /** The head and the first {@code bytes} of the body, then an orderly close (FIN). */
    private record EndEarly(int bytes) implements Fault {
    }

    /** Content-Length declared as the real length plus {@code delta}; the real body; then a close. */
    private record WrongLength(int delta) implements Fault {
    }

    /** The whole answer, once {@link #release()} is called. */
    private record Hold() implements Fault {
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final int MAX_HEAD = 64 * 1024;

    private final URI upstream;
    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger gets = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger throttleLeft = new AtomicInteger();
    private final Tally cutOff = new Tally("bodies cut off by their client");
    private final Tally held = new Tally("answers held");
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Fault fault = new PassThrough();
    private volatile int errorStatus = 503;
    private volatile String errorCode = "SlowDown";
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private FaultInjectingProxy(URI upstream) {
        this.upstream = upstream;
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind a local port", e);
        }
        acceptor = Thread.ofPlatform().daemon().name("fault-proxy-accept").start(this::acceptLoop);
    }

    /** A proxy that forwards to {@code upstream} (http only), passing everything through until told otherwise. */
    public static FaultInjectingProxy inFrontOf(URI upstream) {
        return new FaultInjectingProxy(upstream);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Answers pass unchanged; a throttling burst still under way is cancelled and held answers are let go. */
    public void passThrough() {
        throttleLeft.set(0);
        fault = new PassThrough();
        release();
    }

    /** Object bodies arrive {@code bytes} at a time, one piece every {@code interval}. */
    public void trickle(int bytes, Duration interval) {
        fault = new Trickle(bytes, interval);
    }

    /** Object bodies stop after {@code bytes}, and the connection stays open without another byte. */
    public void stallAfter(int bytes) {
        fault = new Stall(bytes);
    }

    /** Object bodies are cut by a TCP reset after {@code bytes}. */
    public void resetAfter(int bytes) {
        fault = new Reset(bytes);
    }

    /** Object bodies end after {@code bytes} with an orderly close, short of their Content-Length. */
    public void endEarlyAfter(int bytes) {
        fault = new EndEarly(bytes);
    }

    /** Object answers declare a Content-Length of the real length plus {@code delta} (which may be negative). */
    public void declareLengthOff(int delta) {
        fault = new WrongLength(delta);
    }

    /** The next {@code count} requests of any kind are answered {@code 503 SlowDown} without reaching the store. */
    public void throttle(int count) {
        failNext(count, 503, "SlowDown");
    }

    /**
     * The next {@code count} requests of any kind are answered {@code status} with an S3 error document
     * carrying {@code code}, without reaching the store.
     */
    public void failNext(int count, int status, String code) {
        errorStatus = status;
        errorCode = code;
        throttleLeft.set(count);
    }

    /** Successful GETs are answered only once {@link #release()} is called (or the proxy closes). */
    public void hold() {
        gate = new CountDownLatch(1);
        fault = new Hold();
    }

    /** Lets every held answer go, and every later one until {@link #hold()} is called again. */
    public void release() {
        gate.countDown();
    }

    /** Waits until at least {@code count} answers are being held. */
    public void awaitHeld(int count, Duration limit) throws InterruptedException {
        held.await(count, limit);
    }

    /** Requests received so far. */
    public int requestCount() {
        return requests.get();
    }

    /** GET requests received so far: one per object download attempt. */
    public int getCount() {
        return gets.get();
    }

    /** Trickled or stalled bodies whose client hung up before the body was complete. */
    public int cutOffCount() {
        return cutOff.get();
    }

    /** Waits until at least {@code count} trickled or stalled bodies have been cut off by their client. */
    public void awaitCutOff(int count, Duration limit) throws InterruptedException {
        cutOff.await(count, limit);
    }

    /** Requests answered with an error by {@link #throttle} or {@link #failNext} so far. */
    public int throttledCount() {
        return throttled.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread.ofVirtual().name("fault-proxy-conn").start(() -> serve(client));
            } catch (IOException e) {
                // Closed: the loop ends.
            }
        }
    }

    /** Serves one client connection, request after request, until either side closes it. */
    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (true) {
                Head request = Head.read(in);
                if (request == null) {
                    return;
                }
                byte[] requestBody = readBody(in, request, false);
                requests.incrementAndGet();
                boolean get = request.startLine.startsWith("GET ");
                if (get) {
                    gets.incrementAndGet();
                }
                if (takeThrottle()) {
                    throttled.incrementAndGet();
                    writeError(out, errorStatus, errorCode);
                    continue;
                }
                Answer answer = forward(request, requestBody);
                boolean object = get && answer.status() / 100 == 2 && answer.body().length > 0;
                if (!object) {
                    writeWhole(out, answer, answer.body().length);
                    continue;
                }
                if (!deliver(client, in, out, answer, fault)) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client (the service under test) hung up, or a fault closed the connection on purpose.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
        }
    }

    private boolean takeThrottle() {
        return throttleLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /** Sends an object answer with the fault applied; whether the connection may carry another request. */
    private boolean deliver(Socket client, InputStream in, OutputStream out, Answer answer, Fault current)
            throws IOException, InterruptedException {
        byte[] body = answer.body();
        switch (current) {
            case PassThrough _ -> {
                writeWhole(out, answer, body.length);
                return true;
            }
            case Hold _ -> {
                awaitGate();
                writeWhole(out, answer, body.length);
                return true;
            }
            case Trickle t -> {
                writeHead(out, answer, body.length);
                for (int sent = 0; sent < body.length; sent += t.bytes()) {
                    try {
                        out.write(body, sent, Math.min(t.bytes(), body.length - sent));
                        out.flush();
                    } catch (IOException hungUp) {
                        cutOff.add(1);
                        return false;
                    }
                    if (closed.await(t.interval().toNanos(), TimeUnit.NANOSECONDS)) {
                        return false;
                    }
                }
                return true;
            }
            case Stall s -> {
                writeHead(out, answer, body.length);
                out.write(body, 0, Math.min(s.bytes(), body.length));
                out.flush();
                // The client sends nothing more on this connection until it has the answer, so a read
                // returns only when it hangs up (or the proxy closes).
                try {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException hungUp) {
                    // Reset rather than closed: the same for this purpose.
                }
                if (closed.getCount() > 0) {
                    cutOff.add(1);
                }
                return false;
            }
            case Reset r -> {
                writeHead(out, answer, body.length);
                out.write(body, 0, Math.min(r.bytes(), body.length));
                out.flush();
                client.setSoLinger(true, 0);
                return false;
            }
            case EndEarly e -> {
                writeHead(out, answer, body.length);
                out.write(body, 0, Math.min(e.bytes(), body.length));
                out.flush();
                return false;
            }
            case WrongLength w -> {
                writeHead(out, answer, Math.max(0, body.length + w.delta()));
                out.write(body);
                out.flush();
                return false;
            }
        }
    }

    private void awaitGate() {
        held.add(1);
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.add(-1);
        }
    }

    private Answer forward(Head request, byte[] requestBody) throws IOException {
        int port = upstream.getPort() < 0 ? 80 : upstream.getPort();
        try (Socket store = new Socket(upstream.getHost(), port)) {
            store.setSoTimeout(60_000);
            OutputStream toStore = store.getOutputStream();
            toStore.write(request.bytes());
            toStore.write(requestBody);
            toStore.flush();
            InputStream fromStore = new BufferedInputStream(store.getInputStream());
            Head response = Head.read(fromStore);
            if (response == null) {
                throw new EOFException("the store closed the connection without answering");
            }
            int status = Integer.parseInt(response.startLine.split(" ")[1]);
            boolean head = request.startLine.startsWith("HEAD ");
            byte[] body = head || status == 204 || status == 304 ? new byte[0] : readBody(fromStore, response, true);
            return new Answer(status, response, body, head);
        }
    }

    private static void writeError(OutputStream out, int status, String code) throws IOException {
        byte[] document = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code>"
                + "<Message>Injected by the test proxy.</Message><RequestId>fault-proxy</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " " + code + "\r\nContent-Type: application/xml\r\nContent-Length: "
                + document.length + "\r\nx-amz-request-id: fault-proxy\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(document);
        out.flush();
    }

    /** The answer's head and body, the body framed by a Content-Length of {@code declared}. */
    private static void writeWhole(OutputStream out, Answer answer, int declared) throws IOException {
        writeHead(out, answer, declared);
        if (!answer.head()) {
            out.write(answer.body());
        }
        out.flush();
    }

    /**
     * The upstream head with its framing replaced: Content-Length {@code declared} (for HEAD, the
     * upstream's own), no Transfer-Encoding, and keep-alive.
     */
    private static void writeHead(OutputStream out, Answer answer, int declared) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(answer.response().startLine.getBytes(StandardCharsets.ISO_8859_1));
        head.write(CRLF);
        for (String line : answer.response().fields) {
            String name = line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT);
            boolean framing = name.equals("transfer-encoding") || name.equals("connection")
                    || (name.equals("content-length") && !answer.head());
            if (!framing) {
                head.write(line.getBytes(StandardCharsets.ISO_8859_1));
                head.write(CRLF);
            }
        }
        if (!answer.head()) {
            head.write(("Content-Length: " + declared + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        head.write(CRLF);
        out.write(head.toByteArray());
        out.flush();
    }

    /** A request's body by its Content-Length, or a response's by its length, chunks, or the end of the stream. */
    private static byte[] readBody(InputStream in, Head head, boolean response) throws IOException {
        String length = head.field("content-length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length.trim()));
        }
        String encoding = head.field("transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked(in);
        }
        return response ? in.readAllBytes() : new byte[0];
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new EOFException("chunked body ended early");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in);
                } while (trailer != null && !trailer.isEmpty());
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_HEAD) {
                throw new IOException("header line too long");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** A request or response head: the start line and the header fields as sent. */
    private record Head(String startLine, List<String> fields) {

        /** The next head on the stream, or null at a clean end of stream before one starts. */
        static Head read(InputStream in) throws IOException {
            String start = readLine(in);
            if (start == null) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null && !line.isEmpty()) {
                fields.add(line);
            }
            if (line == null) {
                throw new EOFException("head ended early");
            }
            return new Head(start, fields);
        }

        String field(String name) {
            for (String line : fields) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        byte[] bytes() {
            StringBuilder text = new StringBuilder(startLine).append("\r\n");
            fields.forEach(line -> text.append(line).append("\r\n"));
            return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private record Answer(int status, Head response, byte[] body, boolean head) {
    }

    /** A count that a test can wait on. */
    private static final class Tally {

        private final String what;
        private int value;

        Tally(String what) {
            this.what = what;
        }

        synchronized void add(int delta) {
            value += delta;
            notifyAll();
        }

        synchronized int get() {
            return value;
        }

        synchronized void await(int atLeast, Duration limit) throws InterruptedException {
            long end = System.nanoTime() + limit.toNanos();
            while (value < atLeast) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(value + " " + what + " after " + limit + ", expected " + atLeast);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /** Frees the port, closes every connection and ends every stalled or held answer. */
    @Override
    public void close() {
        closed.countDown();
        gate.countDown();
        try {
            server.close();
        } catch (IOException e) {
            // Already closed.
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing is all that is wanted.
            }
        }
        try {
            acceptor.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
