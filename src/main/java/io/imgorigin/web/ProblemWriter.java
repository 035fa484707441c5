package io.imgorigin.web;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of {@code application/problem+json} responses, for the controller advice and for
 * errors the container produces alike: body and headers as SPEC section 3 gives them, with 4xx
 * cacheable for {@code imgorigin.cache.error-max-age} and 5xx never.
 */
public final class ProblemWriter {

    private static final String MEDIA_TYPE = "application/problem+json";
    private static final String RETRY_AFTER_SECONDS = "1";

    private final String clientErrorCacheControl;
    private final JsonMapper json = JsonMapper.builder().build();

    public ProblemWriter(Duration errorMaxAge) {
        this.clientErrorCacheControl = "public, max-age=" + errorMaxAge.toSeconds();
    }

    /**
     * Sets the status and headers (replacing any of the same names) and writes the body; a committed
     * response is left alone, since nothing more can be told to the client.
     */
    public void write(Problem problem, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        int status = problem.status().value();
        byte[] body = body(problem);
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setHeader(HttpHeaders.CACHE_CONTROL,
                problem.status().is4xxClientError() ? clientErrorCacheControl : "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (status == HttpStatus.METHOD_NOT_ALLOWED.value()) {
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        // Written for HEAD too: the container drops the body but keeps the Content-Length GET would have.
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] body(Problem problem) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", problem.type());
        fields.put("title", problem.title());
        fields.put("status", problem.status().value());
        fields.put("detail", problem.detail());
        return json.writeValueAsBytes(fields);
    }
}
