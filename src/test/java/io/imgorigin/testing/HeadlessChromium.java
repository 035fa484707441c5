package io.imgorigin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A headless Chromium that decodes images with WebCodecs' {@code ImageDecoder}, so tests can check that what
 * the service writes is what a browser reads. One browser session serves any number of images: a loopback
 * HTTP server hands the page one job at a time (the page long-polls {@code /next}), the page fetches the
 * bytes, decodes them and POSTs the result back as JSON. {@code http://127.0.0.1} is a secure context,
 * which WebCodecs requires.
 *
 * <p>{@link #start()} skips the calling test (a JUnit assumption with the reason) when no Chromium binary is
 * installed; {@code CHROMIUM} names one explicitly.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** What the browser made of an image: its size and frame count, or why it could not decode it. */
    public record Decoded(int width, int height, int frameCount, String error) {

        public boolean ok() {
            return error == null;
        }
    }

    private record Job(long id, byte[] bytes, String mediaType, CompletableFuture<Decoded> result) {
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DECODE_TIMEOUT = Duration.ofSeconds(30);
    /** How long one long-poll of {@code /next} is held open before the page asks again. */
    private static final long POLL_SECONDS = 10;
    /** Largest JSON result the page may post; anything bigger is not from our page. */
    private static final int MAX_RESULT_BYTES = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PAGE = """
            <!doctype html>
            <meta charset="utf-8">
            <title>imgorigin decode harness</title>
            <script>
            'use strict';
            async function decodeOne(id, type) {
              const data = await (await fetch('/bytes/' + id)).arrayBuffer();
              if (typeof ImageDecoder === 'undefined') {
                throw new Error('this browser has no WebCodecs ImageDecoder (is the page a secure context?)');
              }
              if (!(await ImageDecoder.isTypeSupported(type))) {
                throw new Error('ImageDecoder does not support ' + type);
              }
              const decoder = new ImageDecoder({data, type});
              try {
                await decoder.tracks.ready;
                // All bytes are given at once, so completed resolves once they are parsed and the frame count is final.
                await decoder.completed;
                const track = decoder.tracks.selectedTrack;
                if (!track) throw new Error('no image track');
                const decoded = await decoder.decode({frameIndex: 0, completeFramesOnly: true});
                const image = decoded.image;
                try {
                  return {width: image.displayWidth, height: image.displayHeight, frameCount: track.frameCount, error: null};
                } finally {
                  image.close();
                }
              } finally {
                decoder.close();
              }
            }
            async function loop() {
              await fetch('/ready', {method: 'POST'});
              for (;;) {
                const next = await fetch('/next', {cache: 'no-store'});
                if (next.status === 204) continue;
                if (next.status !== 200) return;
                const job = await next.json();
                let result;
                try {
                  result = await decodeOne(job.id, job.type);
                } catch (e) {
                  result = {width: 0, height: 0, frameCount: 0, error: (e && e.name ? e.name + ': ' : '') + (e && e.message ? e.message : String(e))};
                }
                await fetch('/result/' + job.id, {method: 'POST', headers: {'Content-Type': 'application/json'},
                    body: JSON.stringify(result)});
              }
            }
            loop();
            </script>
            """;

    private final Process process;
    private final Path profile;
    private final Path log;
    private final HttpServer server;
    private final ExecutorService serverThreads;
    private final BlockingQueue<Job> pending = new LinkedBlockingQueue<>();
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean closing;

    private HeadlessChromium(Path binary) throws IOException {
        profile = Files.createTempDirectory("imgorigin-chromium-");
        log = profile.resolve("chromium.log");
        serverThreads = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "chromium-harness");
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(serverThreads);
        server.createContext("/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        // Everything that would reach out beyond loopback (updates, sync, metrics, hints) is turned off.
        List<String> command = List.of(binary.toString(),
                "--headless=new", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile,
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-domain-reliability", "--disable-default-apps", "--no-pings", "--metrics-recording-only",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
                "--disable-dev-shm-usage", url);
        Process started;
        try {
            started = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            server.stop(0);
            serverThreads.shutdownNow();
            deleteRecursively(profile);
            throw e;
        }
        process = started;
    }

    /**
     * Starts Chromium on the harness page and waits until the page is running. Skips the calling test when
     * no binary is installed; fails when one is installed but does not come up.
     */
    public static HeadlessChromium start() {
        Path binary = findBinary();
        Assumptions.assumeTrue(binary != null,
                "no Chromium binary found (tried $CHROMIUM, chromium, chromium-browser, google-chrome on PATH); "
                        + "install it with apt-get install chromium");
        HeadlessChromium chromium;
        try {
            chromium = new HeadlessChromium(binary);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + binary + ": " + e.getMessage(), e);
        }
        try {
            chromium.awaitReady();
        } catch (RuntimeException | Error e) {
            chromium.close();
            throw e;
        }
        return chromium;
    }

    /** The binary to run: {@code CHROMIUM}, else the first of the usual names on {@code PATH}. */
    public static Path findBinary() {
        String explicit = System.getenv("CHROMIUM");
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            return Files.isExecutable(path) ? path : null;
        }
        String searchPath = Objects.requireNonNullElse(System.getenv("PATH"), "/usr/bin:/bin");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : searchPath.split(":")) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try {
                // Short waits so that a browser that dies on start-up is reported at once, not after the timeout.
                ready.get(500, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Chromium exited with " + process.exitValue()
                            + " before the harness page ran; its output:\n" + logTail());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the harness page did not run within " + START_TIMEOUT
                            + "; Chromium's output:\n" + logTail());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting Chromium", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * Decodes one image in the browser. A decoding failure comes back as {@link Decoded#error()}; a browser
     * that stops answering fails the call after a bounded wait.
     */
    public Decoded decode(byte[] bytes, String mediaType) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mediaType, "mediaType");
        if (closing) {
            throw new IllegalStateException("closed");
        }
        Job job = new Job(ids.incrementAndGet(), bytes.clone(), mediaType, new CompletableFuture<>());
        jobs.put(job.id(), job);
        pending.add(job);
        try {
            return job.result().get(DECODE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Chromium gave no result for a " + mediaType + " of " + bytes.length
                    + " bytes within " + DECODE_TIMEOUT + (process.isAlive() ? "" : " (it exited)")
                    + "; its output:\n" + logTail());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Chromium", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            jobs.remove(job.id());
            pending.remove(job);
        }
    }

    /** The running browser's command and process id, for test reports. */
    public String describe() {
        return process.info().command().orElse("chromium") + " (pid " + process.pid() + ")";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("GET") && path.equals("/")) {
                respond(exchange, 200, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8));
            } else if (method.equals("POST") && path.equals("/ready")) {
                drain(exchange.getRequestBody(), 0);
                ready.complete(null);
                respond(exchange, 204, null, null);
            } else if (method.equals("GET") && path.equals("/next")) {
                Job job = closing ? null : pending.poll(POLL_SECONDS, TimeUnit.SECONDS);
                if (closing) {
                    respond(exchange, 410, null, null);
                } else if (job == null) {
                    respond(exchange, 204, null, null);
                } else {
                    byte[] body = JSON.writeValueAsBytes(Map.of("id", job.id(), "type", job.mediaType()));
                    respond(exchange, 200, "application/json", body);
                }
            } else if (method.equals("GET") && path.startsWith("/bytes/")) {
                Job job = jobs.get(parseId(path.substring("/bytes/".length())));
                if (job == null) {
                    respond(exchange, 404, null, null);
                } else {
                    respond(exchange, 200, "application/octet-stream", job.bytes());
                }
            } else if (method.equals("POST") && path.startsWith("/result/")) {
                Job job = jobs.get(parseId(path.substring("/result/".length())));
                byte[] body = drain(exchange.getRequestBody(), MAX_RESULT_BYTES);
                if (job != null) {
                    job.result().complete(parseResult(body));
                }
                respond(exchange, 204, null, null);
            } else {
                respond(exchange, 404, null, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A malformed result must fail the waiting test with a reason, not leave it to its timeout.
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/result/")) {
                Job job = jobs.get(parseId(path.substring("/result/".length())));
                if (job != null) {
                    job.result().completeExceptionally(e);
                }
            }
        }
    }

    private static Decoded parseResult(byte[] body) {
        JsonNode node = JSON.readTree(body);
        JsonNode error = node.get("error");
        return new Decoded(node.path("width").asInt(), node.path("height").asInt(), node.path("frameCount").asInt(),
                error == null || error.isNull() ? null : error.asText());
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] drain(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new IllegalStateException("request body over " + limit + " bytes");
        }
        return bytes;
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Stops the browser and all its child processes, the harness server, and removes the profile. */
    @Override
    public void close() {
        closing = true;
        // Chromium forks renderer, GPU and zygote processes; stop the whole tree, children first.
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : tree) {
                child.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        server.stop(0);
        serverThreads.shutdownNow();
        jobs.values().forEach(job -> job.result().completeExceptionally(new IllegalStateException("closed")));
        deleteRecursively(profile);
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A profile left in the temp directory is harmless.
        }
    }
}
