package io.imgorigin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.imgorigin.options.OptionsParser;
import io.imgorigin.security.SignatureVerifier;
import io.imgorigin.testing.RunningService;
import io.imgorigin.testing.S3ProxyServer;
import io.imgorigin.testing.TestImages;

/** Signing, limits and cache settings, on a service configured away from the defaults. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfiguredServiceHttpTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private S3ProxyServer s3;
    private RunningService service;

    @BeforeAll
    void start() {
        s3 = S3ProxyServer.launch();
        s3.put("small.png", TestImages.png(100, 100, false));
        s3.put("wide.png", TestImages.png(400, 100, false));
        s3.put("big.png", TestImages.png(600, 600, true));
        Map<String, Object> properties = RunningService.s3(s3.endpoint(), s3.bucket());
        properties.put("imgorigin.security.signing-keys", "old-key, new-key");
        properties.put("imgorigin.limits.max-source-pixels", "50000");
        properties.put("imgorigin.limits.max-source-bytes", "20KB");
        properties.put("imgorigin.limits.max-output-dimension", "1000");
        properties.put("imgorigin.cache.control", "public, max-age=600");
        properties.put("imgorigin.cache.error-max-age", "15s");
        properties.put("imgorigin.format.default-quality", "55");
        service = RunningService.start(properties);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(service.uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String signed(String key, String path, String query) {
        SignatureVerifier signer = new SignatureVerifier(List.of(key));
        var pairs = new OptionsParser(8192, 80).parse(query).signedPairs();
        String signature = signer.sign(path, pairs);
        return path + "?" + (query.isEmpty() ? "" : query + "&") + "s=" + signature;
    }

    @Test
    void signedUrlsAreServedUnderEitherKey() throws Exception {
        HttpResponse<String> response = get(signed("new-key", "/small.png", "w=50&f=webp"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=600");
        assertThat(get(signed("old-key", "/small.png", "f=webp&w=50")).statusCode()).isEqualTo(200);
        assertThat(get(signed("old-key", "/small.png", "")).statusCode()).isEqualTo(200);
    }

    @Test
    void unsignedOrWronglySignedUrlsAre403() throws Exception {
        for (String target : List.of("/small.png?w=50", signed("other-key", "/small.png", "w=50"),
                signed("new-key", "/small.png", "w=50").replace("w=50", "w=51"))) {
            HttpResponse<String> response = get(target);
            assertThat(response.statusCode()).as(target).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=15");
        }
    }

    @Test
    void sourcesOverThePixelLimitAre422() throws Exception {
        HttpResponse<String> response = get(signed("new-key", "/big.png", "w=10"));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("pixels");
    }

    @Test
    void sourcesOverTheByteLimitAre422() throws Exception {
        byte[] noisy = TestImages.encode(noise(200, 200), "png");
        assertThat(noisy.length).isGreaterThan(20 * 1024);
        s3.put("noisy.png", noisy);
        assertThat(get(signed("new-key", "/noisy.png", "w=10")).statusCode()).isEqualTo(422);
    }

    @Test
    void outputDimensionLimitIsConfigurable() throws Exception {
        assertThat(get(signed("new-key", "/small.png", "w=1001")).statusCode()).isEqualTo(400);
        assertThat(get(signed("new-key", "/small.png", "w=500&dpr=2.5")).statusCode()).isEqualTo(400);
        HttpResponse<String> derived = get(signed("new-key", "/wide.png", "h=300&enlarge=1"));
        assertThat(derived.statusCode()).as("an enlarged 1200 px width").isEqualTo(400);
        assertThat(get(signed("new-key", "/small.png", "w=1000&enlarge=1")).statusCode()).isEqualTo(200);
    }

    @Test
    void defaultQualityIsConfigurable() throws Exception {
        byte[] atDefault = http.send(HttpRequest.newBuilder(service.uri(signed("new-key", "/small.png", "f=jpeg"))).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        byte[] at55 = http.send(HttpRequest.newBuilder(service.uri(signed("new-key", "/small.png", "f=jpeg&q=55"))).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(atDefault).isEqualTo(at55);
        assertThat(new String(atDefault, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00ff\u00d8\u00ff");
    }

    private static java.awt.image.BufferedImage noise(int width, int height) {
        var random = new java.util.Random(7);
        var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }
}
