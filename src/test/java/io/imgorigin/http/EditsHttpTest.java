package io.imgorigin.http;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.imgorigin.testing.RunningService;
import io.imgorigin.testing.TestImages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15's editing options over HTTP: a crop is exactly the region, pad margins are exactly bg (alpha too),
 * an EXIF-rotated photo is cropped in upright coordinates, bad values are 400 problems naming the option and
 * a crop wholly outside the image is a 422.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditsHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path root;
    private final HttpClient http = HttpClient.newHttpClient();
    private BufferedImage noise;
    private RunningService service;

    @BeforeAll
    void start() throws IOException {
        noise = TestImages.noise(120, 80, 15);
        Files.write(root.resolve("noise.png"), TestImages.encode(noise, "png"));
        // 800×1200 as stored, EXIF orientation 6: 1200×800 upright.
        Files.write(root.resolve("rotated.jpg"), Files.readAllBytes(Path.of("samples/photos/rotated-exif6.jpg")));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("imgorigin.source.filesystem.root", root.toString());
        service = RunningService.start(properties);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aCropIsExactlyTheRegion() throws Exception {
        HttpResponse<byte[]> response = get("/noise.png?crop=17,9,50,40&f=png");

        assertThat(response.statusCode()).isEqualTo(200);
        BufferedImage image = TestImages.decode(response.body());
        assertThat(image.getWidth()).isEqualTo(50);
        assertThat(image.getHeight()).isEqualTo(40);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 50; x++) {
                assertThat(image.getRGB(x, y)).as("(%d, %d)", x, y).isEqualTo(noise.getRGB(17 + x, 9 + y));
            }
        }
    }

    @Test
    void padMarginsAreTheBackgroundWithItsAlpha() throws Exception {
        HttpResponse<byte[]> response = get("/noise.png?w=60&pad=2,3,4,5&bg=ff000080&f=png");

        assertThat(response.statusCode()).isEqualTo(200);
        BufferedImage image = TestImages.decode(response.body());
        assertThat(image.getWidth()).isEqualTo(68);
        assertThat(image.getHeight()).isEqualTo(46);
        for (int[] margin : new int[][] {{0, 0}, {67, 0}, {4, 1}, {65, 20}, {20, 42}, {67, 45}}) {
            assertThat(image.getRGB(margin[0], margin[1])).as("(%d, %d)", margin[0], margin[1]).isEqualTo(0x80FF0000);
        }
        assertThat(image.getRGB(5, 2) >>> 24).isEqualTo(0xFF);
    }

    @Test
    void anExifRotatedPhotoIsCroppedInUprightCoordinates() throws Exception {
        // y=900 lies inside the stored height (1200) but outside the upright one (800).
        HttpResponse<byte[]> outside = get("/rotated.jpg?crop=0,900,10,10");
        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(detail(outside)).contains("crop=0,900,10,10", "1200×800");

        HttpResponse<byte[]> inside = get("/rotated.jpg?crop=1000,600,300,300&f=png");
        assertThat(inside.statusCode()).isEqualTo(200);
        BufferedImage image = TestImages.decode(inside.body());
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(200);

        BufferedImage whole = TestImages.decode(get("/rotated.jpg?f=png").body());
        assertThat(whole.getWidth()).isEqualTo(1200);
        int[] expected = TestImages.meanRgb(whole, 1000, 600, 200, 200);
        int[] actual = TestImages.meanRgb(image, 0, 0, 200, 200);
        for (int channel = 0; channel < 3; channel++) {
            assertThat(Math.abs(actual[channel] - expected[channel])).as("channel %d", channel).isLessThanOrEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "crop=1,2,3|crop", "crop=-1,0,5,5|crop", "crop=0,0,0,5|crop", "crop=a,b,c,d|crop",
            "rot=45|rot", "flip=x|flip", "trim=300|trim", "trim=-1|trim",
            "pad=1001|pad", "pad=1,2|pad", "w=8000&pad=200|pad",
            "blur=0|blur", "blur=101|blur", "sharpen=11|sharpen", "sharpen=abc|sharpen",
            "g=fp:2,0|g", "g=fp:0.5|g", "anim=maybe|anim"})
    void badValuesAre400ProblemsNamingTheOption(String query, String option) throws Exception {
        HttpResponse<byte[]> response = get("/noise.png?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(detail(response)).contains(option);
    }

    @Test
    void aCropWhollyOutsideTheImageIs422() throws Exception {
        HttpResponse<byte[]> response = get("/noise.png?crop=120,0,10,10");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(detail(response)).contains("crop=120,0,10,10", "120×80");
    }

    @Test
    void editsChangeTheEntityTag() throws Exception {
        String plain = get("/noise.png?w=40").headers().firstValue("ETag").orElseThrow();
        String cropped = get("/noise.png?w=40&crop=0,0,60,60").headers().firstValue("ETag").orElseThrow();
        String rotated = get("/noise.png?w=40&rot=90").headers().firstValue("ETag").orElseThrow();
        String same = get("/noise.png?w=40&rot=0&anim=true").headers().firstValue("ETag").orElseThrow();

        assertThat(cropped).isNotEqualTo(plain);
        assertThat(rotated).isNotEqualTo(plain).isNotEqualTo(cropped);
        assertThat(same).isEqualTo(plain);
    }

    private HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(service.uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String detail(HttpResponse<byte[]> response) {
        JsonNode problem = JSON.readTree(new String(response.body(), StandardCharsets.UTF_8));
        return problem.get("detail").asString();
    }
}
