package io.imgorigin.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;

/**
 * Renders problems as {@code application/problem+json} with the Cache-Control that SPEC section 3
 * gives each status class: 4xx may be cached briefly, 5xx never.
 */
public final class ProblemWriter {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final int RETRY_AFTER_SECONDS = 1;

    private final String clientErrorCacheControl;
    private final JsonMapper json = JsonMapper.builder().build();

    public ProblemWriter(Duration errorMaxAge) {
        this.clientErrorCacheControl = "public, max-age=" + errorMaxAge.toSeconds();
    }

    public ResponseEntity<byte[]> entity(Problem problem, String instance) {
        return ResponseEntity.status(problem.status()).headers(headers(problem)).body(body(problem, instance));
    }

    /** For code that runs outside Spring MVC (container errors). */
    public void write(Problem problem, String instance, HttpServletResponse response) throws IOException {
        headers(problem).forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        byte[] body = body(problem, instance);
        response.setStatus(problem.status().value());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    HttpHeaders headers(Problem problem) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE);
        headers.set(HttpHeaders.CACHE_CONTROL, cacheControl(problem.status()));
        headers.set("X-Content-Type-Options", "nosniff");
        if (problem.status() == HttpStatus.METHOD_NOT_ALLOWED) {
            headers.set(HttpHeaders.ALLOW, "GET, HEAD");
        }
        if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        }
        return headers;
    }

    String cacheControl(HttpStatus status) {
        return status.is4xxClientError() ? clientErrorCacheControl : "no-store";
    }

    private byte[] body(Problem problem, String instance) {
        var node = json.createObjectNode();
        node.put("type", problem.type());
        node.put("title", problem.title());
        node.put("status", problem.status().value());
        node.put("detail", problem.detail());
        if (instance != null) {
            node.put("instance", instance);
        }
        return json.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    }
}
