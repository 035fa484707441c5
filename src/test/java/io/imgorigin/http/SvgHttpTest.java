package io.imgorigin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.imgorigin.testing.RunningService;
import io.imgorigin.testing.TestImages;

/**
 * SVG sources through the whole service (SPEC 2.1): rendered as a vector at the requested size, and never
 * a request for anything the document points at. A local HTTP server stands for the outside world: an
 * {@code <image>}, a {@code <use>} of another file, a stylesheet import, a font and an external entity all
 * point at it, and it must see no request at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SvgHttpTest {

    @TempDir
    static Path root;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> outsideRequests = new CopyOnWriteArrayList<>();
    private HttpServer outside;
    private RunningService service;

    @BeforeAll
    void start() throws IOException {
        outside = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        outside.createContext("/", exchange -> {
            outsideRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = TestImages.png(4, 4, false);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        outside.start();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("imgorigin.source.filesystem.root", root.toString());
        service = RunningService.start(properties);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (outside != null) {
            outside.stop(0);
        }
    }

    private String outsideUrl(String path) {
        return "http://127.0.0.1:" + outside.getAddress().getPort() + path;
    }

    private HttpResponse<byte[]> get(String name, String svg, String query) throws Exception {
        Files.writeString(root.resolve(name), svg, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(service.uri("/" + name + (query.isEmpty() ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static final String HALVES = """
            <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10">
              <rect x="0" y="0" width="5" height="10" fill="#ff0000"/>
              <rect x="5" y="0" width="5" height="10" fill="#0000ff"/>
            </svg>
            """;

    @Test
    void servedAsPngAtItsIntrinsicSizeByDefault() throws Exception {
        HttpResponse<byte[]> response = get("halves.svg", HALVES, "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = TestImages.decode(response.body());
        assertThat(image.getWidth()).isEqualTo(10);
        assertThat(image.getHeight()).isEqualTo(10);
    }

    @Test
    void renderedAsAVectorAtTheRequestedSizeNotAnEnlargedBitmap() throws Exception {
        HttpResponse<byte[]> response = get("halves-big.svg", HALVES, "w=400&enlarge=true&f=png");
        assertThat(response.statusCode()).isEqualTo(200);
        BufferedImage image = TestImages.decode(response.body());
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(400);
        // An enlarged 10 px bitmap would blur the edge over tens of pixels; a vector keeps it sharp.
        for (int y : new int[] {0, 200, 399}) {
            assertThat(image.getRGB(197, y) & 0xFFFFFF).isEqualTo(0xFF0000);
            assertThat(image.getRGB(202, y) & 0xFFFFFF).isEqualTo(0x0000FF);
        }
    }

    @Test
    void sizedFromTheViewBoxAndStretchedByFill() throws Exception {
        String svg = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- a comment before the root -->
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><circle cx="100" cy="50" r="40"/></svg>
                """;
        HttpResponse<byte[]> natural = get("wide.svg", "\uFEFF  " + svg, "w=100");
        assertThat(natural.statusCode()).isEqualTo(200);
        BufferedImage image = TestImages.decode(natural.body());
        assertThat(image.getWidth()).isEqualTo(100);
        assertThat(image.getHeight()).isEqualTo(50);
        HttpResponse<byte[]> filled = get("wide.svg", svg, "w=80&h=80&fit=fill&f=png");
        BufferedImage stretched = TestImages.decode(filled.body());
        assertThat(stretched.getWidth()).isEqualTo(80);
        assertThat(stretched.getHeight()).isEqualTo(80);
        assertThat(stretched.getRGB(40, 40) >>> 24).as("the circle's centre is drawn").isEqualTo(255);
        assertThat(stretched.getRGB(0, 0) >>> 24).as("outside it stays transparent").isZero();
    }

    @Test
    void noExternalResourceIsEverFetched() throws Exception {
        String svg = """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
                     width="40" height="40">
                  <style>@import url("%1$s/style.css"); @font-face { font-family: X; src: url("%1$s/font.woff"); }</style>
                  <rect width="40" height="40" fill="#00ff00"/>
                  <image href="%1$s/x.png" x="0" y="0" width="40" height="40"/>
                  <image xlink:href="%1$s/y.png" x="0" y="0" width="40" height="40"/>
                  <use href="%1$s/other.svg#shape"/>
                  <rect width="10" height="10" fill="url(%1$s/paint.svg#p)"/>
                  <filter id="f"><feImage href="%1$s/filter.png"/></filter>
                  <rect width="10" height="10" filter="url(#f)"/>
                  <text x="2" y="30" style="font-family: X">A</text>
                  <script>fetch("%1$s/script")</script>
                </svg>
                """.formatted(outsideUrl(""));
        HttpResponse<byte[]> response = get("external.svg", svg, "f=png");
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        BufferedImage image = TestImages.decode(response.body());
        assertThat(image.getRGB(35, 5) & 0xFFFFFF).as("the image is left out; the green rect shows").isEqualTo(0x00FF00);
        Thread.sleep(200);
        assertThat(outsideRequests).isEmpty();
    }

    @Test
    void anExternalEntityIsRefusedWithoutBeingFetched() throws Exception {
        String svg = """
                <?xml version="1.0"?>
                <!DOCTYPE svg [ <!ENTITY ext SYSTEM "%s"> ]>
                <svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><text y="20">&ext;</text></svg>
                """.formatted(outsideUrl("/entity.txt"));
        HttpResponse<byte[]> response = get("entity.svg", svg, "w=20");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String parameterEntity = """
                <?xml version="1.0"?>
                <!DOCTYPE svg [ <!ENTITY %% remote SYSTEM "%s"> %%remote; ]>
                <svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"/>
                """.formatted(outsideUrl("/dtd"));
        assertThat(get("dtd.svg", parameterEntity, "").statusCode()).isEqualTo(422);
        String externalDtd = """
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "%s">
                <svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"/>
                """.formatted(outsideUrl("/svg11.dtd"));
        assertThat(get("public.svg", externalDtd, "").statusCode()).isEqualTo(422);
        Thread.sleep(200);
        assertThat(outsideRequests).isEmpty();
    }

    @Test
    void aBillionLaughsIsRefusedAtOnce() throws Exception {
        StringBuilder svg = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n <!ENTITY lol \"lol\">\n");
        svg.append(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            svg.append(" <!ENTITY lol").append(i).append(" \"");
            svg.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        svg.append("]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><text y=\"50\">&lol9;</text></svg>\n");
        long started = System.nanoTime();
        HttpResponse<byte[]> response = get("lol.svg", svg.toString(), "w=50");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("DOCTYPE");
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void anAbsurdSizeIsRefusedBeforeRendering() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100000\" height=\"100000\"/>";
        assertThat(get("huge.svg", svg, "w=10").statusCode()).isEqualTo(422);
        String nonsense = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1e30\" height=\"10\"/>";
        assertThat(get("nonsense.svg", nonsense, "w=10").statusCode()).isEqualTo(422);
    }

    @Test
    void brokenXmlIsUnusable() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"5\" height=\"5\"></svg>";
        assertThat(get("broken.svg", svg, "w=10").statusCode()).isIn(200, 422);
    }
}
