package io.imgorigin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.TestInstance;

import io.imgorigin.testing.RunningService;
import io.imgorigin.testing.S3ProxyServer;
import io.imgorigin.testing.TestImages;

/**
 * What the served pixels look like, over HTTP from S3: a sideways-stored photo comes out upright, a CMYK
 * JPEG keeps its colours, and no metadata (EXIF, GPS, comments) survives in any output format. Runs
 * with the native JPEG codec and with the pure-Java one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageCorrectnessHttpTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private S3ProxyServer s3;
    private RunningService nativeCodecs;
    private RunningService javaCodecs;

    @BeforeAll
    void start() throws IOException {
        s3 = S3ProxyServer.launch();
        // 60×40 as stored, left half red, right half blue, EXIF orientation 6 (rotate 90° clockwise),
        // with GPS, an artist and a comment that must all be stripped.
        s3.put("sideways.jpg", fixture("stored-sideways.jpg"));
        // 40×40 Adobe CMYK: red over blue.
        s3.put("cmyk.jpg", fixture("cmyk-red-over-blue.jpg"));
        nativeCodecs = RunningService.start(RunningService.s3(s3.endpoint(), s3.bucket()));
        var properties = RunningService.s3(s3.endpoint(), s3.bucket());
        properties.put("imgorigin.processing.native-codecs", "false");
        javaCodecs = RunningService.start(properties);
    }

    @AfterAll
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {nativeCodecs, javaCodecs, s3}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ImageCorrectnessHttpTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    private RunningService service(boolean nativeJpeg) {
        return nativeJpeg ? nativeCodecs : javaCodecs;
    }

    private byte[] get(boolean nativeJpeg, String pathAndQuery) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(service(nativeJpeg).uri(pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
        return response.body();
    }

    @ParameterizedTest(name = "native JPEG codec: {0}")
    @ValueSource(booleans = {true, false})
    void exifRotatedPhotoIsServedUpright(boolean nativeJpeg) throws Exception {
        BufferedImage full = TestImages.decode(get(nativeJpeg, "/sideways.jpg"));
        assertThat(full.getWidth()).isEqualTo(40);
        assertThat(full.getHeight()).isEqualTo(60);
        assertRedOverBlue(full);

        BufferedImage resized = TestImages.decode(get(nativeJpeg, "/sideways.jpg?w=20&f=png"));
        assertThat(resized.getWidth()).isEqualTo(20);
        assertThat(resized.getHeight()).isEqualTo(30);
        assertRedOverBlue(resized);
    }

    @ParameterizedTest(name = "native JPEG codec: {0}")
    @ValueSource(booleans = {true, false})
    void cmykJpegKeepsItsColours(boolean nativeJpeg) throws Exception {
        for (String format : new String[] {"jpeg", "png", "webp"}) {
            BufferedImage image = TestImages.decode(get(nativeJpeg, "/cmyk.jpg?w=20&f=" + format));
            assertThat(image.getWidth()).isEqualTo(20);
            assertThat(image.getHeight()).isEqualTo(20);
            assertRedOverBlue(image);
        }
    }

    @ParameterizedTest(name = "native JPEG codec: {0}")
    @ValueSource(booleans = {true, false})
    void noMetadataSurvivesInAnyFormat(boolean nativeJpeg) throws Exception {
        for (String format : new String[] {"jpeg", "png", "webp"}) {
            byte[] body = get(nativeJpeg, "/sideways.jpg?w=30&f=" + format);
            String text = new String(body, StandardCharsets.ISO_8859_1);
            assertThat(text).as(format).doesNotContain("Exif", "GPS", "fixture", "<?php", "eXIf", "tEXt", "XMP");
            assertThat(TestImages.magic(body)).isEqualTo(format);
        }
    }

    /** Top half red, bottom half blue, judged away from the seam. */
    private static void assertRedOverBlue(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] top = TestImages.meanRgb(image, 0, 0, w, h / 3);
        int[] bottom = TestImages.meanRgb(image, 0, h - h / 3, w, h / 3);
        assertThat(top[0]).as("red channel at the top %s", java.util.Arrays.toString(top)).isGreaterThan(170);
        assertThat(top[1]).as("green channel at the top").isLessThan(90);
        assertThat(top[2]).as("blue channel at the top").isLessThan(90);
        assertThat(bottom[2]).as("blue channel at the bottom %s", java.util.Arrays.toString(bottom)).isGreaterThan(120);
        assertThat(bottom[0]).as("red channel at the bottom").isLessThan(90);
    }
}
