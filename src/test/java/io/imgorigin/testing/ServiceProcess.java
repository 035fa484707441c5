package io.imgorigin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.imgorigin.ImgoriginApplication;

/**
 * The whole service in a child JVM, started from the test classpath, for what only a real process shows:
 * what it does on SIGTERM ({@link #terminate()}, which is what {@link Process#destroy()} sends on Linux
 * and macOS), and when it exits. Its output goes to a log file, quoted when start-up fails.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;

    private ServiceProcess(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts the service with these properties and returns once readiness answers 200. */
    public static ServiceProcess start(Map<String, Object> properties) {
        Path log;
        int port;
        int managementPort;
        try {
            log = Files.createTempFile("imgorigin-process-", ".log");
            port = freePort();
            managementPort = freePort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the service process", e);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.address", "127.0.0.1");
        all.put("server.port", port);
        all.put("management.server.address", "127.0.0.1");
        all.put("management.server.port", managementPort);
        all.put("logging.level.imgorigin.request", "warn");
        all.putAll(properties);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m", "-Xmx512m", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector"));
        for (String property : List.of("aws.accessKeyId", "aws.secretAccessKey")) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ImgoriginApplication.class.getName()));
        all.forEach((key, value) -> command.add("--" + key + "=" + value));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the service process", e);
        }
        ServiceProcess service = new ServiceProcess(process, log, port, managementPort);
        try {
            service.awaitReady();
            return service;
        } catch (RuntimeException | Error e) {
            service.close();
            throw e;
        }
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    public URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Sends SIGTERM, as an orchestrator stopping the container does. */
    public void terminate() {
        process.destroy();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end; its exit code, or -1 if it is still running after {@code limit}. */
    public int awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** Everything the process has written so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitReady() {
        long end = System.nanoTime() + STARTUP_LIMIT.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(managementUri("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (System.nanoTime() < end) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The service exited with " + process.exitValue() + ":\n" + tail());
                }
                try {
                    if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the service", e);
        }
        throw new IllegalStateException("The service was not ready within " + STARTUP_LIMIT + ":\n" + tail());
    }

    private String tail() {
        String[] lines = output().split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 60), lines.length));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Kills the process if it is still running, and deletes its log. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // A temporary file left behind is harmless.
        }
    }
}
