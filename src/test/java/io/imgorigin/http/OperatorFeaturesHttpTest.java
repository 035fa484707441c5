package io.imgorigin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.imgorigin.testing.RunningService;
import io.imgorigin.testing.TestImages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16's operator features over HTTP, on two services: one with presets, allowed sizes and a watermark
 * that exists; one with presets only and a watermark that does not exist yet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorFeaturesHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path root;
    @TempDir
    static Path onlyRoot;
    private final HttpClient http = HttpClient.newHttpClient();
    private RunningService service;
    private RunningService presetsOnly;

    @BeforeAll
    void start() throws IOException {
        Files.write(root.resolve("photo.jpg"), TestImages.jpeg(400, 300));
        Files.write(root.resolve("white.png"), TestImages.encode(filled(200, 100, Color.WHITE), "png"));
        Files.write(root.resolve("rotated.jpg"), Files.readAllBytes(Path.of("samples/photos/rotated-exif6.jpg")));
        Files.createDirectories(root.resolve("brand"));
        Files.write(root.resolve("brand/mark.png"), TestImages.encode(filled(20, 10, Color.RED), "png"));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("imgorigin.source.filesystem.root", root.toString());
        properties.put("imgorigin.presets.thumb", "w=100&h=100&fit=cover");
        properties.put("imgorigin.presets.webp", "f=webp&q=70");
        properties.put("imgorigin.limits.allowed-widths", "100,120,200,400");
        properties.put("imgorigin.limits.allowed-heights", "100");
        properties.put("imgorigin.watermark.key", "brand/mark.png");
        properties.put("imgorigin.watermark.refresh", "0s");
        service = RunningService.start(properties);

        Files.write(onlyRoot.resolve("photo.jpg"), TestImages.jpeg(400, 300));
        Map<String, Object> only = new LinkedHashMap<>();
        only.put("imgorigin.source.filesystem.root", onlyRoot.toString());
        only.put("imgorigin.presets-only", "true");
        only.put("imgorigin.presets.default", "f=png");
        only.put("imgorigin.presets.small", "w=50");
        only.put("imgorigin.presets.marked", "w=60&wm=1,top-left");
        only.put("imgorigin.watermark.key", "logo.png");
        only.put("imgorigin.watermark.refresh", "0s");
        presetsOnly = RunningService.start(only);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (presetsOnly != null) {
            presetsOnly.close();
        }
    }

    private HttpResponse<byte[]> get(RunningService target, String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.uri(pathAndQuery));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String header(HttpResponse<byte[]> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void aPresetIsServedAsItsExpandedOptionsWithTheirETag() throws Exception {
        HttpResponse<byte[]> preset = get(service, "/photo.jpg?preset=thumb");
        HttpResponse<byte[]> spelled = get(service, "/photo.jpg?fit=cover&h=100&w=100");

        assertThat(preset.statusCode()).isEqualTo(200);
        BufferedImage image = TestImages.decode(preset.body());
        assertThat(image.getWidth()).isEqualTo(100);
        assertThat(image.getHeight()).isEqualTo(100);
        assertThat(header(preset, "ETag")).isEqualTo(header(spelled, "ETag"));
        assertThat(preset.body()).isEqualTo(spelled.body());
        HttpResponse<byte[]> both = get(service, "/photo.jpg?preset=thumb,webp&h=100");
        assertThat(header(both, "Content-Type")).isEqualTo("image/webp");
    }

    @Test
    void anUnknownPresetIsA400Problem() throws Exception {
        HttpResponse<byte[]> response = get(service, "/photo.jpg?preset=huge");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(header(response, "Content-Type")).startsWith("application/problem+json");
        assertThat(header(response, "Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(body(response)).contains("unknown preset 'huge'");
    }

    @Test
    void sizesOutsideTheAllowedListAre400sThatListThem() throws Exception {
        HttpResponse<byte[]> refused = get(service, "/photo.jpg?w=300");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(body(refused)).contains("100, 120, 200, 400");
        assertThat(get(service, "/photo.jpg?w=100&dpr=2").statusCode()).as("tw = 200").isEqualTo(200);
        assertThat(get(service, "/photo.jpg?w=150&dpr=2").statusCode()).as("tw = 300").isEqualTo(400);
        HttpResponse<byte[]> height = get(service, "/photo.jpg?h=50");
        assertThat(height.statusCode()).isEqualTo(400);
        assertThat(body(height)).contains("heights: 100");
    }

    @Test
    void theWatermarkIsDrawnWhereAsked() throws Exception {
        BufferedImage topLeft = TestImages.decode(get(service, "/white.png?wm=1,top-left").body());
        assertThat(rgb(topLeft, 0, 0)).isEqualTo(0xFF0000);
        assertThat(rgb(topLeft, 19, 9)).isEqualTo(0xFF0000);
        assertThat(rgb(topLeft, 20, 0)).isEqualTo(0xFFFFFF);
        assertThat(rgb(topLeft, 0, 10)).isEqualTo(0xFFFFFF);
        assertThat(rgb(topLeft, 199, 99)).isEqualTo(0xFFFFFF);

        BufferedImage corner = TestImages.decode(get(service, "/white.png?wm=1").body());
        assertThat(rgb(corner, 199, 99)).as("bottom-right by default").isEqualTo(0xFF0000);
        assertThat(rgb(corner, 180, 90)).isEqualTo(0xFF0000);
        assertThat(rgb(corner, 179, 99)).isEqualTo(0xFFFFFF);
        assertThat(rgb(corner, 0, 0)).isEqualTo(0xFFFFFF);

        BufferedImage tiled = TestImages.decode(get(service, "/white.png?wm=1,tile,20,10").body());
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                boolean inTile = x % 40 < 20 && y % 20 < 10;
                assertThat(rgb(tiled, x, y)).as("(%d, %d)", x, y).isEqualTo(inTile ? 0xFF0000 : 0xFFFFFF);
            }
        }
    }

    @Test
    void aNewWatermarkMakesANewETag() throws Exception {
        String plain = header(get(service, "/photo.jpg?w=120"), "ETag");
        HttpResponse<byte[]> before = get(service, "/photo.jpg?w=120&wm=0.5");
        String marked = header(before, "ETag");
        assertThat(marked).isNotEqualTo(plain);
        assertThat(get(service, "/photo.jpg?w=120&wm=0.5", "If-None-Match", marked).statusCode()).isEqualTo(304);

        Path mark = root.resolve("brand/mark.png");
        byte[] original = Files.readAllBytes(mark);
        try {
            Files.write(mark, TestImages.encode(filled(30, 10, Color.BLUE), "png"));

            HttpResponse<byte[]> after = get(service, "/photo.jpg?w=120&wm=0.5", "If-None-Match", marked);
            assertThat(after.statusCode()).as("the old tag no longer matches").isEqualTo(200);
            assertThat(header(after, "ETag")).isNotEqualTo(marked);
            assertThat(after.body()).isNotEqualTo(before.body());
            assertThat(header(get(service, "/photo.jpg?w=120"), "ETag")).as("images without wm keep theirs")
                    .isEqualTo(plain);
        } finally {
            Files.write(mark, original);
        }
    }

    @Test
    void infoAnswersTheSourcesMetadataAsJson() throws Exception {
        HttpResponse<byte[]> response = get(service, "/rotated.jpg?info=true");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("application/json");
        assertThat(header(response, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(header(response, "Last-Modified")).isNotNull();
        assertThat(header(response, "Vary")).isNull();
        JsonNode info = JSON.readTree(response.body());
        assertThat(info.propertyNames()).containsExactly("format", "width", "height", "orientation", "alpha", "frames",
                "bytes", "dominantColor", "blurhash");
        assertThat(info.get("format").asString()).isEqualTo("jpeg");
        assertThat(info.get("width").asInt()).isEqualTo(1200);
        assertThat(info.get("height").asInt()).isEqualTo(800);
        assertThat(info.get("orientation").asInt()).isEqualTo(6);
        assertThat(info.get("alpha").asBoolean()).isFalse();
        assertThat(info.get("frames").asInt()).isEqualTo(1);
        assertThat(info.get("bytes").asLong()).isEqualTo(Files.size(root.resolve("rotated.jpg")));
        assertThat(info.get("dominantColor").asString()).matches("#[0-9a-f]{6}");
        assertThat(info.get("blurhash").asString()).hasSize(28);

        String etag = header(response, "ETag");
        HttpResponse<byte[]> again = get(service, "/rotated.jpg?info=true", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(header(again, "ETag")).isEqualTo(etag);
        assertThat(header(get(service, "/rotated.jpg"), "ETag")).as("not the image's tag").isNotEqualTo(etag);

        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(service.uri("/rotated.jpg?info=true"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "ETag")).isEqualTo(etag);
        assertThat(header(head, "Content-Length")).isEqualTo(Integer.toString(response.body().length));
    }

    @Test
    void infoTakesNoOtherOption() throws Exception {
        HttpResponse<byte[]> response = get(service, "/rotated.jpg?info=true&w=100");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response)).contains("'w' cannot be combined with 'info'");
        assertThat(get(service, "/nothing.jpg?info=true").statusCode()).isEqualTo(404);
    }

    @Test
    void presetsOnlyRefusesOtherOptionsButServesPresetsAndInfo() throws Exception {
        HttpResponse<byte[]> refused = get(presetsOnly, "/photo.jpg?w=100");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(body(refused)).contains("presets only");
        assertThat(get(presetsOnly, "/photo.jpg?preset=small&q=50").statusCode()).isEqualTo(400);

        HttpResponse<byte[]> small = get(presetsOnly, "/photo.jpg?preset=small");
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(header(small, "Content-Type")).as("the default preset applies first").isEqualTo("image/png");
        assertThat(TestImages.decode(small.body()).getWidth()).isEqualTo(50);
        assertThat(header(get(presetsOnly, "/photo.jpg"), "Content-Type")).isEqualTo("image/png");

        HttpResponse<byte[]> info = get(presetsOnly, "/photo.jpg?info=true");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(info.body()).get("width").asInt()).as("no preset applies to info").isEqualTo(400);
    }

    @Test
    void aMissingWatermarkIsA502UntilItExists() throws Exception {
        HttpResponse<byte[]> missing = get(presetsOnly, "/photo.jpg?preset=marked");
        assertThat(missing.statusCode()).isEqualTo(502);
        assertThat(header(missing, "Cache-Control")).isEqualTo("no-store");
        assertThat(header(missing, "Content-Type")).startsWith("application/problem+json");
        assertThat(body(missing)).contains("'logo.png'").contains("imgorigin.watermark.key");
        assertThat(get(presetsOnly, "/photo.jpg?preset=small").statusCode()).as("requests without wm are served")
                .isEqualTo(200);

        Files.write(onlyRoot.resolve("logo.png"), TestImages.encode(filled(10, 10, Color.RED), "png"));
        try {
            HttpResponse<byte[]> marked = get(presetsOnly, "/photo.jpg?preset=marked");
            assertThat(marked.statusCode()).isEqualTo(200);
            assertThat(rgb(TestImages.decode(marked.body()), 2, 2)).isEqualTo(0xFF0000);
        } finally {
            Files.delete(onlyRoot.resolve("logo.png"));
        }
        assertThat(get(presetsOnly, "/photo.jpg?preset=marked").statusCode()).as("gone again").isEqualTo(502);
    }

    @Test
    void aBadPresetStopsTheStartNamingIt() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("imgorigin.source.filesystem.root", root.toString());
        properties.put("imgorigin.presets.broken", "w=0");

        assertThatThrownBy(() -> RunningService.start(properties))
                .hasStackTraceContaining("imgorigin.presets.broken: option 'w' must be an integer from 1 to 8192");
    }

    @Test
    void aPresetWithWmNeedsAWatermark() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("imgorigin.source.filesystem.root", root.toString());
        properties.put("imgorigin.presets.branded", "wm=0.5");

        assertThatThrownBy(() -> RunningService.start(properties))
                .hasStackTraceContaining("imgorigin.presets.branded: the preset uses 'wm'")
                .hasStackTraceContaining("imgorigin.watermark.key is empty");
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    private static BufferedImage filled(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }
}
