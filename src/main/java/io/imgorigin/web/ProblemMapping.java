package io.imgorigin.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.util.DisconnectedClientHelper;

import io.imgorigin.options.InvalidOptionException;
import io.imgorigin.processing.pipeline.ProcessingTimeoutException;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.security.SignatureException;
import io.imgorigin.serving.watermark.WatermarkUnavailableException;
import io.imgorigin.processing.pipeline.OverloadedException;
import io.imgorigin.source.SourceNotFoundException;
import io.imgorigin.source.SourceStoreException;
import io.imgorigin.source.SourceTimeoutException;
import io.imgorigin.source.SourceTooLargeException;

/** Which status and problem each failure is answered with (SPEC section 3, "Errors"). */
public final class ProblemMapping {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapping.class);

    public Problem of(Throwable failure) {
        return switch (failure) {
            case InvalidOptionException e -> Problem.of(HttpStatus.BAD_REQUEST, "invalid-" + kindOf(e), e.getMessage());
            case SignatureException e -> Problem.of(HttpStatus.FORBIDDEN, "signature", e.getMessage());
            case SourceNotFoundException e -> Problem.of(HttpStatus.NOT_FOUND, "not-found", "no image exists under this key");
            case MethodNotAllowedException e -> Problem.of(HttpStatus.METHOD_NOT_ALLOWED, "method", e.getMessage());
            case UnsupportedImageException e -> Problem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-format", e.getMessage());
            case UnusableImageException e -> Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, "unusable-image", e.getMessage());
            case SourceTooLargeException e -> Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, "source-too-large", e.getMessage());
            case OverloadedException e -> Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", e.getMessage());
            case ProcessingTimeoutException e -> Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "processing-timeout", e.getMessage());
            case SourceStoreException e -> {
                log.warn("store error: {}", e.getMessage());
                yield Problem.of(HttpStatus.BAD_GATEWAY, "store-error", "the image store answered with an error");
            }
            case WatermarkUnavailableException e -> Problem.of(HttpStatus.BAD_GATEWAY, "watermark-unavailable", e.getMessage());
            case SourceTimeoutException e -> {
                log.warn("store timeout: {}", e.getMessage());
                yield Problem.of(HttpStatus.GATEWAY_TIMEOUT, "store-timeout", "the image store did not answer in time");
            }
            // After every failure of our own: a store's "connection reset" in a cause must stay a 502.
            case Throwable e when DisconnectedClientHelper.isClientDisconnectedException(e) -> {
                log.debug("client went away while the answer was being written: {}", e.toString());
                yield Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "client-gone", "the client closed the connection");
            }
            default -> {
                log.error("unexpected failure", failure);
                yield Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "the image could not be produced");
            }
        };
    }

    /** A status the container sent before or outside Spring MVC, where only the status is known. */
    public Problem ofContainerStatus(int status) {
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        if (status == HttpStatus.METHOD_NOT_ALLOWED.value()) {
            return Problem.of(code, "method", "only GET and HEAD are allowed");
        }
        return code.is4xxClientError()
                ? Problem.of(code, "bad-request", "the request could not be understood")
                : Problem.of(code, "internal", "the request could not be served");
    }

    private static String kindOf(InvalidOptionException e) {
        return e.option().equals("key") ? "key" : "option";
    }
}
