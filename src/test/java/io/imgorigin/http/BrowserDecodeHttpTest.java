package io.imgorigin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.imgorigin.codec.heif.HeifStructure;
import io.imgorigin.codec.libheif.HeifImageReaderSpi;
import io.imgorigin.processing.encode.AvifEncoder;
import io.imgorigin.testing.HeadlessChromium;
import io.imgorigin.testing.RunningService;
import io.imgorigin.testing.TestImages;

/**
 * {@code f=avif} answers of the running service read back by libheif (the service's own reader) and by
 * headless Chromium's WebCodecs decoder, at the size asked for: opaque and with alpha, 4:2:0 (q 50) and
 * 4:4:4 (q 95), and sizes an encoder may get wrong (1×1, 401×3, 3×401, odd resized sizes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserDecodeHttpTest {

    /** One request: its query, the size and alpha of the answer, and the chroma subsampling SPEC 2.1 gives it. */
    record Case(String source, String query, int width, int height, boolean alpha, boolean subsampled) {

        @Override
        public String toString() {
            return source + "?" + query;
        }
    }

    @TempDir
    static Path root;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Case, byte[]> answers = new ConcurrentHashMap<>();
    private RunningService service;
    private HeadlessChromium chromium;

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String source : List.of("photo.png", "alpha.png")) {
            boolean alpha = source.equals("alpha.png");
            cases.add(new Case(source, "f=avif&q=50&w=333&h=251&fit=fill", 333, 251, alpha, true));
            cases.add(new Case(source, "f=avif&q=95&w=333&h=251&fit=fill", 333, 251, alpha, false));
            cases.add(new Case(source, "f=avif&w=257", 257, 193, alpha, true));
            cases.add(new Case(source, "f=avif&q=50&w=1&h=1&fit=fill", 1, 1, alpha, true));
            cases.add(new Case(source, "f=avif&q=95&w=1&h=1&fit=fill", 1, 1, alpha, false));
            cases.add(new Case(source, "f=avif&q=50&w=401&h=3&fit=fill", 401, 3, alpha, true));
            cases.add(new Case(source, "f=avif&q=95&w=3&h=401&fit=fill", 3, 401, alpha, false));
        }
        cases.add(new Case("tiny.png", "f=avif", 1, 1, false, true));
        cases.add(new Case("strip.png", "f=avif&q=90", 401, 3, true, false));
        return cases.stream();
    }

    @BeforeAll
    void start() throws IOException {
        Files.write(root.resolve("photo.png"), TestImages.encode(photoLike(640, 480, false), "png"));
        Files.write(root.resolve("alpha.png"), TestImages.encode(photoLike(640, 480, true), "png"));
        Files.write(root.resolve("tiny.png"), TestImages.encode(photoLike(1, 1, false), "png"));
        Files.write(root.resolve("strip.png"), TestImages.encode(photoLike(401, 3, true), "png"));
        if (AvifEncoder.available()) {
            service = RunningService.start(Map.of("imgorigin.source.filesystem.root", root.toString()));
        }
        if (HeadlessChromium.findBinary() != null) {
            chromium = HeadlessChromium.start();
        }
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void libheifReadsTheAnswerAtTheAskedSize(Case c) throws Exception {
        byte[] avif = answer(c);
        HeifStructure structure = HeifStructure.parse(avif).orElseThrow();
        assertThat(structure.width()).isEqualTo(c.width());
        assertThat(structure.height()).isEqualTo(c.height());
        assertThat(structure.alpha()).isEqualTo(c.alpha());
        assertThat(colourSubsampling(avif)).as("chroma subsampling x, y of the colour image")
                .isEqualTo(c.subsampled() ? List.of(1, 1) : List.of(0, 0));

        BufferedImage image = readWithLibheif(avif);
        assertThat(image.getWidth()).isEqualTo(c.width());
        assertThat(image.getHeight()).isEqualTo(c.height());
        assertThat(image.getColorModel().hasAlpha()).isEqualTo(c.alpha());
        if (c.alpha() && c.width() > 100) {
            // The sources fade from opaque on the left to transparent on the right.
            int y = c.height() / 2;
            assertThat(image.getRGB(1, y) >>> 24).as("alpha at the left edge").isGreaterThan(200);
            assertThat(image.getRGB(c.width() - 2, y) >>> 24).as("alpha at the right edge").isLessThan(55);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void chromiumReadsTheAnswerAtTheAskedSize(Case c) throws Exception {
        assumeTrue(chromium != null, "no Chromium binary found; install it with apt-get install chromium");
        byte[] avif = answer(c);

        HeadlessChromium.Decoded decoded = chromium.decode(avif, "image/avif");

        assertThat(decoded).isEqualTo(new HeadlessChromium.Decoded(c.width(), c.height(), 1, null));
    }

    private byte[] answer(Case c) throws Exception {
        assumeTrue(service != null, "this server cannot write AVIF (libheif with an AV1 encoder is missing)");
        byte[] cached = answers.get(c);
        if (cached != null) {
            return cached;
        }
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(service.uri("/" + c.source() + "?" + c.query()))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/avif");
        assertThat(HeifStructure.brand(response.body())).isEqualTo("avif");
        answers.put(c, response.body());
        return response.body();
    }

    private static BufferedImage readWithLibheif(byte[] avif) throws IOException {
        ImageReader reader = new HeifImageReaderSpi().createReaderInstance(null);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(avif))) {
            reader.setInput(in);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    /**
     * The chroma subsampling flags of the first non-monochrome AV1 configuration ({@code av1C}) in the file:
     * its third byte holds monochrome (bit 4), subsampling x (bit 3) and y (bit 2). The alpha plane is
     * monochrome, so this is the colour image's.
     */
    private static List<Integer> colourSubsampling(byte[] file) {
        for (int i = 4; i + 4 + 3 <= file.length; i++) {
            if (file[i] == 'a' && file[i + 1] == 'v' && file[i + 2] == '1' && file[i + 3] == 'C') {
                int flags = file[i + 6] & 0xFF;
                if ((flags & 0x10) == 0) {
                    return List.of(flags >> 3 & 1, flags >> 2 & 1);
                }
            }
        }
        throw new AssertionError("no colour av1C box in the file");
    }

    /**
     * Smooth gradients with fine texture, like a photograph rather than flat colour; with alpha it fades from
     * opaque on the left to transparent on the right.
     */
    private static BufferedImage photoLike(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(13);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 40 + 170 * x / Math.max(1, width) + random.nextInt(16);
                int g = 60 + 150 * y / Math.max(1, height) + random.nextInt(16);
                int b = 128 + (int) (80 * Math.sin((x + y) / 23.0)) + random.nextInt(16);
                int a = alpha ? 255 - 255 * x / Math.max(1, width - 1) : 255;
                image.setRGB(x, y, a << 24 | Math.min(255, r) << 16 | Math.min(255, g) << 8 | Math.min(255, b));
            }
        }
        return image;
    }
}
