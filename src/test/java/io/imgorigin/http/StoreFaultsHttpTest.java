package io.imgorigin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.imgorigin.testing.FaultyHttpServer;
import io.imgorigin.testing.RunningService;
import io.imgorigin.testing.S3ProxyServer;
import io.imgorigin.testing.TestImages;

/**
 * A store that is down, hangs or fails: 502/504 with {@code no-store} within the source timeout
 * plus a margin, and recovery without a restart once the store is back.
 */
class StoreFaultsHttpTest {

    private static final Duration SOURCE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newHttpClient();

    private static Map<String, Object> withTimeout(Map<String, Object> properties) {
        properties.put("imgorigin.source.timeout", SOURCE_TIMEOUT.toMillis() + "ms");
        return properties;
    }

    private Timed get(RunningService service, String pathAndQuery) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(service.uri(pathAndQuery)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
    }

    private record Timed(HttpResponse<String> response, Duration elapsed) {

        void assertFailure(int status) {
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(elapsed).isLessThan(SOURCE_TIMEOUT.plus(MARGIN));
        }
    }

    @Test
    void storeDownIs502AndRecoveryNeedsNoRestart() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.launch();
                RunningService service = RunningService.start(withTimeout(RunningService.s3(s3.endpoint(), s3.bucket())))) {
            s3.put("a.png", TestImages.png(20, 20, false));
            assertThat(get(service, "/a.png?w=10").response().statusCode()).isEqualTo(200);
            s3.stop();
            get(service, "/a.png?w=11").assertFailure(502);
            s3.start();
            assertThat(get(service, "/a.png?w=12").response().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void hangingStoreIs504WithinTheTimeout() throws Exception {
        try (FaultyHttpServer store = FaultyHttpServer.hanging();
                RunningService service = RunningService.start(withTimeout(RunningService.s3(store.endpoint(), "bucket")))) {
            get(service, "/a.png?w=10").assertFailure(504);
        }
    }

    @Test
    void throttlingAndServerErrorsAre502() throws Exception {
        try (FaultyHttpServer store = FaultyHttpServer.answering(503, "SlowDown");
                RunningService service = RunningService.start(withTimeout(RunningService.s3(store.endpoint(), "bucket")))) {
            get(service, "/a.png?w=10").assertFailure(502);
            assertThat(store.requestCount()).as("bounded retries").isBetween(1, 5);
        }
        try (FaultyHttpServer store = FaultyHttpServer.answering(500, "InternalError");
                RunningService service = RunningService.start(withTimeout(RunningService.s3(store.endpoint(), "bucket")))) {
            get(service, "/a.png?w=10").assertFailure(502);
        }
    }
}
