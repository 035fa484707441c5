package io.imgorigin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import io.imgorigin.ImgoriginApplication;
import io.imgorigin.bench.InfoBenchmark;
import io.imgorigin.processing.StandardPipelineAccess;
import io.imgorigin.testing.ExifJpegs;
import io.imgorigin.testing.JpegVariants;
import io.imgorigin.testing.TestImages;

/**
 * Issue 16's measurement: {@code info=true} on a 12 MP camera JPEG costs under 10 ms of CPU, counted as the
 * CPU time of the service's process (a child JVM started as the container starts it, so the HTTP client's
 * work is not counted) over a run of sequential requests after a warm-up: Tomcat, reading the file, the
 * probe, the small decode, the colours, the JSON, and the garbage collection of the 3 to 4 MB each request
 * reads. The JPEG is the corpus's 4032×3024 phone photo (Display P3, EXIF orientation 6, a 160×120 preview,
 * baseline 4:2:0 with a restart marker every MCU row), or without the corpus a 4000×3000 stand-in of the
 * same kind. Measured as it is (the preview is decoded: held to the limit), and reported, not held to it,
 * with its EXIF block removed (a sample of its restart intervals is read for DC values), as a progressive
 * JPEG of the same pixels (its first DC scan is read) and as a baseline JPEG without restart markers (every
 * block's codes are read for the DC values): without a preview the request around the processing (about
 * 4 ms, most of it reading and collecting the 4 MB) leaves too little of the 10 ms for the DC decode.
 *
 * <p>A measurement, like the JMH benchmarks, so not part of {@code verify}: it needs a minute or more for the
 * JIT to settle and an otherwise idle machine. Run it with
 * {@code ./mvnw -B verify -Dtest=InfoCpuHttpTest -Dimgorigin.measure=true} (bench/README.md, "Info").
 */
@EnabledIfSystemProperty(named = "imgorigin.measure", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InfoCpuHttpTest {

    /** Until the JIT has compiled the request path: on a small JPEG, then on the large one. */
    private static final int WARM_UP_SMALL = 3000;
    private static final int WARM_UP = 200;
    private static final int MEASURED = 200;
    private static final double LIMIT_MS = 10;

    @TempDir
    static Path root;
    private Process service;
    private Path log;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        Path corpus = Path.of(System.getProperty("imgorigin.test.corpus", "../shared/corpus"),
                "orientation/bimg_test_exif_full.jpg");
        byte[] camera = Files.isRegularFile(corpus) ? Files.readAllBytes(corpus) : standIn();
        Files.write(root.resolve("camera.jpg"), camera);
        byte[] noPreview = InfoBenchmark.withoutApp1(camera);
        Files.write(root.resolve("no-preview.jpg"), noPreview);
        BufferedImage pixels = StandardPipelineAccess.decodeUpright(noPreview);
        Files.write(root.resolve("progressive.jpg"), JpegVariants.encode(pixels, new JpegVariants.Kind(true, true, 0, 0.9f)));
        Files.write(root.resolve("baseline.jpg"), JpegVariants.encode(pixels, new JpegVariants.Kind(false, true, 0, 0.9f)));
        Files.write(root.resolve("small.jpg"), ExifJpegs.withPreview(TestImages.jpeg(640, 480), 1,
                TestImages.jpeg(160, 120)));
        port = freePort();
        log = Files.createTempFile("imgorigin-info-cpu-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx1g", "--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), ImgoriginApplication.class.getName(),
                "--server.address=127.0.0.1", "--server.port=" + port, "--management.server.port=" + freePort(),
                "--imgorigin.source.filesystem.root=" + root, "--logging.level.imgorigin.request=warn"));
        service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant limit = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            try {
                if (get("camera.jpg").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!service.isAlive() || Instant.now().isAfter(limit)) {
                throw new IllegalStateException("the service did not start:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.destroy();
            service.waitFor();
        }
        if (log != null) {
            Files.deleteIfExists(log);
        }
    }

    private HttpResponse<byte[]> get(String key) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + key + "?info=true")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void infoOnA12MegapixelJpegTakesUnder10MsOfCpu() throws Exception {
        for (int i = 0; i < WARM_UP_SMALL; i++) {
            assertThat(get("small.jpg").statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(get("camera.jpg").statusCode()).isEqualTo(200);
        }
        double perRequest = cpuPerRequest("camera.jpg");
        double withoutPreview = warmedCpuPerRequest("no-preview.jpg");
        double progressive = warmedCpuPerRequest("progressive.jpg");
        double baseline = warmedCpuPerRequest("baseline.jpg");

        System.out.printf("info=true on a 12 MP JPEG, the service's CPU per request: %.2f ms with its EXIF preview; "
                + "%.2f ms with its EXIF block removed (restart intervals sampled); %.2f ms progressive (first DC scan); "
                + "%.2f ms baseline without restart markers (every block's DC code)%n", perRequest, withoutPreview,
                progressive, baseline);
        assertThat(perRequest).isLessThan(LIMIT_MS);
    }

    private double warmedCpuPerRequest(String key) throws IOException, InterruptedException {
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(get(key).statusCode()).isEqualTo(200);
        }
        return cpuPerRequest(key);
    }

    private double cpuPerRequest(String key) throws IOException, InterruptedException {
        ProcessHandle handle = service.toHandle();
        Duration before = handle.info().totalCpuDuration().orElseThrow();
        for (int i = 0; i < MEASURED; i++) {
            get(key);
        }
        Duration after = handle.info().totalCpuDuration().orElseThrow();
        return after.minus(before).toNanos() / 1e6 / MEASURED;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static byte[] standIn() {
        BufferedImage photo = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        Random random = new Random(16);
        for (int i = 0; i < 600; i++) {
            g.setColor(new Color(random.nextInt(0x1000000)));
            g.fillOval(random.nextInt(4000), random.nextInt(3000), 20 + random.nextInt(600), 20 + random.nextInt(600));
        }
        g.dispose();
        BufferedImage preview = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D p = preview.createGraphics();
        p.drawImage(photo, 0, 0, 160, 120, null);
        p.dispose();
        // As phones write it: a restart marker every MCU row (250 MCUs of 16 px across).
        return ExifJpegs.withPreview(JpegVariants.encode(photo, new JpegVariants.Kind(false, true, 250, 0.9f)), 1,
                TestImages.encode(preview, "jpeg"));
    }
}
