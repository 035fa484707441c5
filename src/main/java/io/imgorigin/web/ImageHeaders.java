package io.imgorigin.web;

import java.time.Instant;

import org.springframework.http.HttpHeaders;

import io.imgorigin.serving.ImageResult;

/** The headers of 200 and 304 responses (SPEC section 3). */
public final class ImageHeaders {

    private final String cacheControl;

    public ImageHeaders(String cacheControl) {
        this.cacheControl = cacheControl;
    }

    public HttpHeaders rendered(ImageResult.Rendered result, boolean auto) {
        return common(result, auto);
    }

    /** An info answer: the same caching headers as an image; it never varies by Accept. */
    public HttpHeaders described(ImageResult.Described result) {
        return common(result, false);
    }

    public HttpHeaders notModified(ImageResult.NotModified result, boolean auto) {
        return common(result, auto);
    }

    private HttpHeaders common(ImageResult result, boolean auto) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(result.etag());
        headers.setCacheControl(cacheControl);
        Instant lastModified = result.source().lastModified();
        if (lastModified != null) {
            headers.setLastModified(lastModified);
        }
        headers.set("X-Content-Type-Options", "nosniff");
        if (auto) {
            headers.setVary(java.util.List.of(HttpHeaders.ACCEPT));
        }
        return headers;
    }
}
