package io.imgorigin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.imgorigin.testing.RunningService;

/**
 * Requests Tomcat refuses before Spring MVC sees them get the same problem responses as the
 * advice's, over a raw socket since HTTP clients will not send them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerProblemsHttpTest {

    private static final String CLIENT_ERROR_CACHE = "public, max-age=42";
    private static final String END = "Host: 127.0.0.1\r\nConnection: close\r\n\r\n";

    @TempDir
    static Path root;
    private RunningService service;

    @BeforeAll
    void start() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("imgorigin.source.filesystem.root", root.toString());
        properties.put("imgorigin.cache.error-max-age", "42s");
        service = RunningService.start(properties);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        Map<String, Object> problem() {
            assertThat(header("content-type")).isEqualTo("application/problem+json");
            int length = body.getBytes(StandardCharsets.UTF_8).length;
            assertThat(header("content-length")).isEqualTo(Integer.toString(length));
            Map<String, Object> fields = ProblemWriterTest.fields(body);
            assertThat(fields).containsOnlyKeys("type", "title", "status", "detail").containsEntry("status", status);
            return fields;
        }
    }

    private Response send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(buffer);
            String text = buffer.toString(StandardCharsets.UTF_8);
            int headerEnd = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, headerEnd).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                headers.put(name, lines[i].substring(colon + 1).trim());
            }
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(headerEnd + 4));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /a b HTTP/1.1\r\n", "GET /{a} HTTP/1.1\r\n", "G@T /a HTTP/1.1\r\n",
            "GET /%zz HTTP/1.1\r\n", "GET /a HTTP/1.1\r\nBad Name: x\r\n", "GET /a HTTP/1.1\r\nX-Long: LONG\r\n"})
    void malformedRequestsAre400Problems(String head) throws IOException {
        Response response = send(head.replace("LONG", "a".repeat(20_000)) + END);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("cache-control")).isEqualTo(CLIENT_ERROR_CACHE);
        assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(response.problem()).containsEntry("type", "urn:imgorigin:problem:bad-request")
                .containsEntry("title", "Bad Request");
    }

    @Test
    void unsupportedVersionIsAnUnstored505Problem() throws IOException {
        Response response = send("GET /a HTTP/9.9\r\n" + END);
        assertThat(response.status()).isEqualTo(505);
        assertThat(response.header("cache-control")).isEqualTo("no-store");
        assertThat(response.problem()).containsEntry("type", "urn:imgorigin:problem:internal");
    }

    @Test
    void traceRefusedByTomcatIs405WithAllow() throws IOException {
        Response response = send("TRACE /a HTTP/1.1\r\n" + END);
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("allow")).isEqualTo("GET, HEAD");
        assertThat(response.header("cache-control")).isEqualTo(CLIENT_ERROR_CACHE);
        assertThat(response.problem()).containsEntry("type", "urn:imgorigin:problem:method");
    }

    @Test
    void headProblemsHaveTheHeadersOfGet() throws IOException {
        for (String target : new String[] {"/missing.jpg", "/a.jpg?w=0"}) {
            Response get = send("GET " + target + " HTTP/1.1\r\n" + END);
            Response head = send("HEAD " + target + " HTTP/1.1\r\n" + END);
            get.problem();
            assertThat(head.status()).as(target).isEqualTo(get.status());
            assertThat(head.body()).as(target).isEmpty();
            for (String name : new String[] {"content-type", "content-length", "cache-control"}) {
                assertThat(head.header(name)).as(target + " " + name).isEqualTo(get.header(name));
            }
        }
    }

    @Test
    void detailsAreEscapedJson() throws IOException {
        Response response = send("GET /a.jpg?%22%5C%01=1 HTTP/1.1\r\n" + END);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problem().get("detail").toString()).contains("'\"\\\u0001'");
    }
}
