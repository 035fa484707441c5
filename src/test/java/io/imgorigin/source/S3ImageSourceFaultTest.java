package io.imgorigin.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import io.imgorigin.testing.FaultyHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.s3.S3Client;

/** How {@link S3ImageSource} reports a store that fails, hangs or streams without end. */
class S3ImageSourceFaultTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Room for 503 throttling back-off, which waits up to seconds between attempts. */
    private static final Duration THROTTLED_TIMEOUT = Duration.ofSeconds(15);
    /** Contract slack, not a speed requirement: a timeout is reported shortly after the deadline. */
    private static final Duration SLACK = Duration.ofSeconds(5);

    private static S3ImageSource sourceAt(S3Client client, Duration timeout) {
        return new S3ImageSource(client, "bucket", "photos", timeout);
    }

    private static S3Client clientFor(FaultyHttpServer store, Duration timeout) {
        return TestS3Clients.forEndpoint(store.endpoint(), "key", "secret", timeout);
    }

    @ParameterizedTest
    @CsvSource({"500, InternalError", "503, ServiceUnavailable", "400, InvalidRequest"})
    void storeErrorIsAStoreFailureAfterBoundedRetries(int status, String code) {
        try (FaultyHttpServer store = FaultyHttpServer.answering(status, code);
             S3Client client = clientFor(store, THROTTLED_TIMEOUT)) {

            assertThatThrownBy(() -> sourceAt(client, THROTTLED_TIMEOUT).fetch("cat.jpg", 1000))
                    .isInstanceOf(SourceStoreException.class);
            assertThatThrownBy(() -> sourceAt(client, THROTTLED_TIMEOUT).stat("cat.jpg"))
                    .isInstanceOf(SourceStoreException.class);
            assertThat(store.requestCount()).isLessThanOrEqualTo(2 * TestS3Clients.MAX_ATTEMPTS);
        }
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsAStoreFailure() {
        try (FaultyHttpServer store = FaultyHttpServer.answering(503, "SlowDown");
             S3Client client = clientFor(store, THROTTLED_TIMEOUT)) {

            assertThatThrownBy(() -> sourceAt(client, THROTTLED_TIMEOUT).fetch("cat.jpg", 1000))
                    .isInstanceOf(SourceStoreException.class);
            assertThat(store.requestCount()).isEqualTo(TestS3Clients.MAX_ATTEMPTS);
        }
    }

    @ParameterizedTest
    @CsvSource({"404, NoSuchKey", "403, AccessDenied"})
    void missingOrDeniedIsNotFound(int status, String code) {
        try (FaultyHttpServer store = FaultyHttpServer.answering(status, code);
             S3Client client = clientFor(store, TIMEOUT)) {

            assertThatThrownBy(() -> sourceAt(client, TIMEOUT).fetch("cat.jpg", 1000))
                    .isInstanceOf(SourceNotFoundException.class);
            assertThatThrownBy(() -> sourceAt(client, TIMEOUT).stat("cat.jpg"))
                    .isInstanceOf(SourceNotFoundException.class);
        }
    }

    @Test
    void hangingStoreTimesOutWithinTheDeadline() {
        try (FaultyHttpServer store = FaultyHttpServer.hanging();
             S3Client client = clientFor(store, TIMEOUT)) {

            Instant start = Instant.now();
            assertThatThrownBy(() -> sourceAt(client, TIMEOUT).fetch("cat.jpg", 1000))
                    .isInstanceOf(SourceTimeoutException.class);
            assertThat(Duration.between(start, Instant.now())).isLessThan(TIMEOUT.plus(SLACK));

            start = Instant.now();
            assertThatThrownBy(() -> sourceAt(client, TIMEOUT).stat("cat.jpg"))
                    .isInstanceOf(SourceTimeoutException.class);
            assertThat(Duration.between(start, Instant.now())).isLessThan(TIMEOUT.plus(SLACK));
            assertThat(store.requestCount()).isPositive();
        }
    }

    @Test
    void endlessBodyWithoutLengthIsTooLargeAndIsNotDrained() {
        long limit = 1_000_000;
        try (FaultyHttpServer store = FaultyHttpServer.endlessBody();
             S3Client client = clientFor(store, TIMEOUT)) {

            assertThatThrownBy(() -> sourceAt(client, TIMEOUT).fetch("cat.jpg", limit))
                    .isInstanceOf(SourceTooLargeException.class);
            // Socket buffers let the server get somewhat ahead, but nowhere near the whole body.
            assertThat(store.bytesSent()).isLessThan(64 * limit);
        }
    }
}
