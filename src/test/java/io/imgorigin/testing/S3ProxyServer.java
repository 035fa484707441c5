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
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 endpoint for tests: S3Proxy run as a child process on 127.0.0.1, keeping its objects in a
 * temporary folder.
 *
 * <pre>{@code
 * try (S3ProxyServer s3 = S3ProxyServer.launch()) {
 *     s3.put("photos/cat.jpg", bytes);          // into the default bucket, s3.bucket()
 *     // point the code under test at s3.endpoint(), s3.bucket(), path-style,
 *     // with the static credentials s3.accessKey() / s3.secretKey()
 *     s3.stop();                                // the store goes down: connections are refused
 *     s3.start();                               // back on the same port with the same objects
 * }
 * }</pre>
 *
 * <p>The S3Proxy jar is the one Maven copies for the tests (system property
 * {@value #JAR_PROPERTY}, set by Surefire), falling back to {@code target/s3proxy/s3proxy.jar} when a
 * test is started from an IDE after {@code ./mvnw process-test-resources}. Its output goes to
 * {@code s3proxy.log} in the data folder and is quoted when the server fails to start.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String JAR_PROPERTY = "imgorigin.test.s3proxy-jar";
    public static final String DEFAULT_BUCKET = "imgorigin-test";
    public static final Region REGION = Region.US_EAST_1;

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

    private final Path jar;
    private final Path workDir;
    private final Path configFile;
    private final Path logFile;
    private final int port;
    private final String accessKey = "test-access-key";
    private final String secretKey = "test-secret-key";
    private final S3Client client;
    /** Ends the child if the test JVM exits without {@link #close()}, e.g. on a crashed fork. */
    private final Thread orphanGuard = new Thread(this::destroyForcibly, "s3proxy-orphan-guard");
    private volatile Process process;

    private S3ProxyServer(Path jar) throws IOException {
        this.jar = jar;
        this.workDir = Files.createTempDirectory("s3proxy-");
        this.configFile = workDir.resolve("s3proxy.properties");
        this.logFile = workDir.resolve("s3proxy.log");
        this.port = freePort();
        Path dataDir = Files.createDirectories(workDir.resolve("data"));
        Files.writeString(configFile, String.join("\n",
                "s3proxy.endpoint=" + endpoint(),
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + accessKey,
                "s3proxy.credential=" + secretKey,
                "jclouds.provider=filesystem-nio2",
                "jclouds.identity=" + accessKey,
                "jclouds.credential=" + secretKey,
                "jclouds.filesystem.basedir=" + dataDir.toAbsolutePath(),
                ""), StandardCharsets.UTF_8);
        this.client = S3Client.builder()
                .endpointOverride(endpoint())
                .region(REGION)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                // Trailing checksums need chunked uploads; plain ones keep the fixture uploads simple.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .build();
    }

    /** Starts a server with the default bucket already created. */
    public static S3ProxyServer launch() {
        S3ProxyServer server;
        try {
            server = new S3ProxyServer(locateJar());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare S3Proxy", e);
        }
        Runtime.getRuntime().addShutdownHook(server.orphanGuard);
        try {
            server.start();
            server.createBucket(DEFAULT_BUCKET);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public String bucket() {
        return DEFAULT_BUCKET;
    }

    /** A path-style client with this server's credentials; closed with the server. */
    public S3Client client() {
        return client;
    }

    public void createBucket(String bucket) {
        client.createBucket(b -> b.bucket(bucket));
    }

    public void put(String key, byte[] bytes) {
        put(DEFAULT_BUCKET, key, bytes);
    }

    public void put(String bucket, String key, byte[] bytes) {
        client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    public void delete(String key) {
        client.deleteObject(b -> b.bucket(DEFAULT_BUCKET).key(key));
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the process (again) on the same port and data folder, and returns once it answers HTTP.
     * Does nothing when it is already running.
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                java.toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(), "--properties", configFile.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start S3Proxy with " + java, e);
        }
        awaitReady();
    }

    /** Ends the process: from now on connections to {@link #endpoint()} are refused. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Stops the process and deletes its data. */
    @Override
    public synchronized void close() {
        client.close();
        stop();
        deleteRecursively(workDir);
        try {
            Runtime.getRuntime().removeShutdownHook(orphanGuard);
        } catch (IllegalStateException | IllegalArgumentException alreadyExitingOrNeverAdded) {
            // Nothing left to guard.
        }
    }

    private void destroyForcibly() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
    }

    /**
     * Polls until any HTTP answer comes back (an anonymous request is refused with 403, which proves the
     * S3 handler is up), within a bounded total wait.
     */
    private void awaitReady() {
        Instant giveUp = Instant.now().plus(STARTUP_LIMIT);
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(POLL_INTERVAL.multipliedBy(10)).build()) {
            HttpRequest probe = HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(2)).GET().build();
            while (Instant.now().isBefore(giveUp)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + ":\n" + logTail());
                }
                try {
                    http.send(probe, HttpResponse.BodyHandlers.discarding());
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(POLL_INTERVAL);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for S3Proxy", e);
        }
        stop();
        throw new IllegalStateException("S3Proxy did not answer within " + STARTUP_LIMIT + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Path locateJar() {
        String configured = System.getProperty(JAR_PROPERTY);
        Path jar = configured != null ? Path.of(configured) : Path.of("target", "s3proxy", "s3proxy.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No S3Proxy jar at " + jar.toAbsolutePath()
                    + "; run ./mvnw process-test-resources first");
        }
        return jar;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless; failing a test over it is not.
        }
    }
}
