package io.imgorigin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

class ProblemWriterTest {

    private final ProblemWriter writer = new ProblemWriter(Duration.ofSeconds(15));

    private MockHttpServletResponse write(Problem problem) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        writer.write(problem, response);
        return response;
    }

    static Map<String, Object> fields(String body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = JsonMapper.builder().build().readValue(body, Map.class);
        return fields;
    }

    @Test
    void clientErrorsMayBeCachedForTheErrorMaxAge() throws Exception {
        MockHttpServletResponse response = write(Problem.of(HttpStatus.NOT_FOUND, "not-found", "no image"));
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=15");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Allow")).isNull();
        assertThat(response.getHeader("Retry-After")).isNull();
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
        assertThat(fields(response.getContentAsString())).containsExactly(
                Map.entry("type", "urn:imgorigin:problem:not-found"), Map.entry("title", "Not Found"),
                Map.entry("status", 404), Map.entry("detail", "no image"));
    }

    @Test
    void serverErrorsAreNeverStored() throws Exception {
        assertThat(write(Problem.of(HttpStatus.BAD_GATEWAY, "store-error", "x")).getHeader("Cache-Control"))
                .isEqualTo("no-store");
        MockHttpServletResponse overloaded = write(Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "x"));
        assertThat(overloaded.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(overloaded.getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void methodNotAllowedSaysWhichAre() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.addHeader("Allow", "GET, HEAD, POST");
        writer.write(Problem.of(HttpStatus.METHOD_NOT_ALLOWED, "method", "x"), response);
        assertThat(response.getHeaders("Allow")).containsExactly("GET, HEAD");
    }

    @Test
    void detailIsEscaped() throws Exception {
        String detail = "quote \" backslash \\ controls \u0001\n\t and \u2028 é";
        MockHttpServletResponse response = write(Problem.of(HttpStatus.BAD_REQUEST, "invalid-option", detail));
        String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body.chars()).noneMatch(c -> c < 0x20);
        assertThat(fields(body)).containsEntry("detail", detail);
    }

    @Test
    void aStatusSpringDoesNotNameKeepsItsCode() throws Exception {
        MockHttpServletResponse response = write(Problem.of(HttpStatusCode.valueOf(599), "internal", "x"));
        assertThat(response.getStatus()).isEqualTo(599);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(fields(response.getContentAsString())).containsEntry("title", "Error").containsEntry("status", 599);
    }

    @Test
    void aCommittedResponseIsLeftAlone() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setCommitted(true);
        writer.write(Problem.of(HttpStatus.BAD_REQUEST, "invalid-option", "x"), response);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void containerStatusesMapToTheirKinds() {
        ProblemMapping mapping = new ProblemMapping();
        assertThat(mapping.ofContainerStatus(400).type()).isEqualTo("urn:imgorigin:problem:bad-request");
        assertThat(mapping.ofContainerStatus(405).type()).isEqualTo("urn:imgorigin:problem:method");
        assertThat(mapping.ofContainerStatus(505).type()).isEqualTo("urn:imgorigin:problem:internal");
        assertThat(mapping.ofContainerStatus(505).title()).isEqualTo("HTTP Version not supported");
    }
}
