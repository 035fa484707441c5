package io.imgorigin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.imgorigin.testing.RawHttp;
import io.imgorigin.testing.RunningService;
import io.imgorigin.testing.TestImages;

/**
 * SPEC section 3 over real HTTP, with the service reading from a real S3-compatible server: every
 * status of the table, the headers of 200 and 304, HEAD, and changes to the stored objects.
 * Subclasses say which server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class S3HttpContractTest {

    private static final String CLIENT_ERROR_CACHE = "public, max-age=60";

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    protected ObjectStore store;
    protected RunningService service;

    /** Starts (or finds) the S3-compatible server; called once before any test. */
    protected abstract ObjectStore startStore();

    protected abstract void stopStore();

    @BeforeAll
    void start() {
        store = startStore();
        store.put("photos/quadrants.jpg", TestImages.jpeg(400, 200));
        store.put("alpha/quadrants.png", TestImages.png(200, 200, true));
        store.put("text/readme.txt", "not an image".getBytes(StandardCharsets.UTF_8));
        byte[] jpeg = TestImages.jpeg(400, 200);
        byte[] truncated = java.util.Arrays.copyOf(jpeg, jpeg.length / 3);
        store.put("broken/truncated.jpg", truncated);
        store.put("error", TestImages.png(10, 10, false));
        store.put("dir with space/é.png", TestImages.png(20, 10, false));
        service = RunningService.start(RunningService.s3(store.endpoint(), store.bucket()));
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        stopStore();
    }

    protected HttpResponse<byte[]> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected HttpResponse<byte[]> send(String method, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(service.uri(pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    protected static void assertProblem(HttpResponse<byte[]> response, int status, String cacheControl) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(header(response, "Content-Type")).startsWith("application/problem+json");
        assertThat(header(response, "Cache-Control")).isEqualTo(cacheControl);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"type\"", "\"title\"", "\"detail\"", "\"status\":" + status)
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void resizedJpegWithEveryHeader() throws Exception {
        HttpResponse<byte[]> response = get("/photos/quadrants.jpg?w=100");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("image/jpeg");
        assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(response.body().length));
        assertThat(header(response, "ETag")).matches("\"[A-Za-z0-9_-]+\"");
        assertThat(header(response, "Last-Modified")).endsWith("GMT");
        assertThat(header(response, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(response, "Vary")).isNull();
        assertThat(TestImages.magic(response.body())).isEqualTo("jpeg");
        BufferedImage image = TestImages.decode(response.body());
        assertThat(image.getWidth()).isEqualTo(100);
        assertThat(image.getHeight()).isEqualTo(50);
    }

    @Test
    void explicitFormatsAndSizes() throws Exception {
        HttpResponse<byte[]> webp = get("/photos/quadrants.jpg?w=80&h=80&f=webp&q=90");
        assertThat(header(webp, "Content-Type")).isEqualTo("image/webp");
        assertThat(TestImages.magic(webp.body())).isEqualTo("webp");
        BufferedImage cropped = TestImages.decode(webp.body());
        assertThat(cropped.getWidth()).isEqualTo(80);
        assertThat(cropped.getHeight()).isEqualTo(80);

        HttpResponse<byte[]> png = get("/photos/quadrants.jpg?w=100&h=100&fit=contain&f=png&bg=000000");
        assertThat(header(png, "Content-Type")).isEqualTo("image/png");
        BufferedImage padded = TestImages.decode(png.body());
        assertThat(padded.getWidth()).isEqualTo(100);
        assertThat(padded.getHeight()).isEqualTo(100);
        assertThat(TestImages.meanRgb(padded, 0, 0, 100, 10)).containsExactly(0, 0, 0);
    }

    @Test
    void autoFormatFollowsAcceptAndVaries() throws Exception {
        HttpResponse<byte[]> avif = get("/alpha/quadrants.png?w=50&f=auto", "Accept", "image/avif,image/webp,*/*");
        assertThat(header(avif, "Content-Type")).isEqualTo("image/avif");
        assertThat(header(avif, "Vary")).isEqualTo("Accept");
        HttpResponse<byte[]> webp = get("/alpha/quadrants.png?w=50&f=auto", "Accept", "image/webp,*/*");
        assertThat(header(webp, "Content-Type")).isEqualTo("image/webp");
        assertThat(header(webp, "Vary")).isEqualTo("Accept");
        assertThat(header(webp, "ETag")).isNotEqualTo(header(avif, "ETag"));
        HttpResponse<byte[]> png = get("/alpha/quadrants.png?w=50&f=auto", "Accept", "image/*");
        assertThat(header(png, "Content-Type")).isEqualTo("image/png");
        assertThat(header(png, "Vary")).isEqualTo("Accept");
        assertThat(header(png, "ETag")).isNotEqualTo(header(webp, "ETag"));
        HttpResponse<byte[]> jpeg = get("/photos/quadrants.jpg?w=50&f=auto");
        assertThat(header(jpeg, "Content-Type")).isEqualTo("image/jpeg");
    }

    @Test
    void alphaIsKeptInPngAndFlattenedOntoBackgroundInJpeg() throws Exception {
        BufferedImage png = TestImages.decode(get("/alpha/quadrants.png?w=100").body());
        assertThat(png.getColorModel().hasAlpha()).isTrue();
        assertThat(png.getRGB(75, 75) >>> 24).isZero();
        BufferedImage jpeg = TestImages.decode(get("/alpha/quadrants.png?w=100&f=jpeg&bg=0000ff").body());
        assertThat(TestImages.meanRgb(jpeg, 60, 60, 30, 30)[2]).isGreaterThan(230);
        assertThat(TestImages.meanRgb(jpeg, 60, 60, 30, 30)[0]).isLessThan(25);
    }

    @Test
    void sameImageSameEtagWhateverTheOptionOrder() throws Exception {
        String a = header(get("/photos/quadrants.jpg?h=50&w=60"), "ETag");
        String b = header(get("/photos/quadrants.jpg?w=60&h=50"), "ETag");
        String c = header(get("/photos/quadrants.jpg?w=61&h=50"), "ETag");
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void headAnswersTheSameHeadersWithoutBody() throws Exception {
        HttpResponse<byte[]> getResponse = get("/photos/quadrants.jpg?w=120");
        HttpResponse<byte[]> head = send("HEAD", "/photos/quadrants.jpg?w=120");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        for (String name : new String[] {"Content-Type", "Content-Length", "ETag", "Last-Modified", "Cache-Control",
                "X-Content-Type-Options"}) {
            assertThat(header(head, name)).as(name).isEqualTo(header(getResponse, name));
        }
    }

    @Test
    void conditionalRequestsAreAnsweredWithoutFetchingOrDecoding() throws Exception {
        HttpResponse<byte[]> first = get("/photos/quadrants.jpg?w=90");
        String etag = header(first, "ETag");
        long fetches = service.stageCount("fetch");
        long decodes = service.stageCount("decode");

        HttpResponse<byte[]> byTag = get("/photos/quadrants.jpg?w=90", "If-None-Match", etag);
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(header(byTag, "ETag")).isEqualTo(etag);
        assertThat(header(byTag, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");

        HttpResponse<byte[]> byDate = get("/photos/quadrants.jpg?w=90", "If-Modified-Since", header(first, "Last-Modified"));
        assertThat(byDate.statusCode()).isEqualTo(304);
        assertThat(service.stageCount("fetch")).isEqualTo(fetches);
        assertThat(service.stageCount("decode")).isEqualTo(decodes);

        assertThat(get("/photos/quadrants.jpg?w=90", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(get("/photos/quadrants.jpg?w=90", "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").statusCode())
                .isEqualTo(200);
        assertThat(get("/photos/quadrants.jpg?w=90", "If-None-Match", "\"other\"", "If-Modified-Since",
                header(first, "Last-Modified")).statusCode()).as("If-None-Match wins").isEqualTo(200);
    }

    @Test
    void badOptionIs400NamingTheOption() throws Exception {
        HttpResponse<byte[]> response = get("/photos/quadrants.jpg?w=0");
        assertProblem(response, 400, CLIENT_ERROR_CACHE);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("'w'", "1 to 8192");
        assertProblem(get("/photos/quadrants.jpg?zoom=2"), 400, CLIENT_ERROR_CACHE);
        assertProblem(get("/photos/quadrants.jpg?w=1&w=2"), 400, CLIENT_ERROR_CACHE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a/%2e%2e/b.jpg", "/a%00b.jpg", "/%zz.jpg", "/../etc/passwd", "/a/./b.jpg", "/a/../../b",
            "/%C3%28.jpg", "/", "/a%2F..%2Fb.jpg"})
    void badKeysAre400ProblemsEvenWhenTheContainerRefusesThem(String target) {
        RawHttp.Response response = RawHttp.send(service.port(), "GET", target);
        assertThat(response.status()).as(target).isEqualTo(400);
        assertThat(response.header("content-type")).as(target).startsWith("application/problem+json");
        assertThat(response.header("cache-control")).as(target).isEqualTo(CLIENT_ERROR_CACHE);
        assertThat(response.body()).as(target).contains("\"status\":400").doesNotContain("<html");
    }

    @Test
    void longKeyIs400() throws Exception {
        assertProblem(get("/" + "k".repeat(1025)), 400, CLIENT_ERROR_CACHE);
    }

    @Test
    void missingObjectIs404() throws Exception {
        assertProblem(get("/photos/none.jpg?w=10"), 404, CLIENT_ERROR_CACHE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void otherMethodsAre405WithAllow(String method) throws Exception {
        HttpResponse<byte[]> response = send(method, "/photos/quadrants.jpg");
        assertProblem(response, 405, CLIENT_ERROR_CACHE);
        assertThat(header(response, "Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void nonImageIs415() throws Exception {
        assertProblem(get("/text/readme.txt"), 415, CLIENT_ERROR_CACHE);
    }

    @Test
    void truncatedImageIs422() throws Exception {
        assertProblem(get("/broken/truncated.jpg?w=50"), 422, CLIENT_ERROR_CACHE);
    }

    @Test
    void keysAreNeverShadowedAndAreDecodedOnce() throws Exception {
        assertThat(get("/error").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> encoded = get("/dir%20with%20space/%C3%A9.png");
        assertThat(encoded.statusCode()).isEqualTo(200);
        assertThat(TestImages.decode(encoded.body()).getWidth()).isEqualTo(20);
    }

    @Test
    void overwriteChangesTheEtagAndDeleteGives404() throws Exception {
        store.put("changing/a.png", TestImages.png(30, 30, false));
        HttpResponse<byte[]> before = get("/changing/a.png?w=10");
        assertThat(before.statusCode()).isEqualTo(200);
        store.put("changing/a.png", TestImages.png(40, 30, false));
        HttpResponse<byte[]> after = get("/changing/a.png?w=10");
        assertThat(header(after, "ETag")).isNotEqualTo(header(before, "ETag"));
        assertThat(TestImages.decode(after.body()).getHeight()).isEqualTo(8);
        assertThat(get("/changing/a.png?w=10", "If-None-Match", header(before, "ETag")).statusCode()).isEqualTo(200);
        store.delete("changing/a.png");
        assertThat(get("/changing/a.png?w=10").statusCode()).isEqualTo(404);
    }

    @Test
    void actuatorLivesOnTheManagementPort() throws Exception {
        get("/photos/quadrants.jpg?w=30");
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(service.managementUri(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).contains("UP");
        }
        HttpResponse<String> prometheus = http.send(HttpRequest.newBuilder(service.managementUri("/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(prometheus.body()).contains("imgorigin_requests_seconds_count", "outcome=\"success\"", "format=\"jpeg\"",
                "imgorigin_stage_seconds");
        assertThat(get("/actuator/health").statusCode()).as("no actuator on the image port").isEqualTo(404);
    }

    protected Map<String, Object> s3Properties() {
        return RunningService.s3(store.endpoint(), store.bucket());
    }
}
