package io.imgorigin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.imgorigin.testing.FaultInjectingProxy;
import io.imgorigin.testing.RunningService;
import io.imgorigin.testing.S3ProxyServer;
import io.imgorigin.testing.TestImages;

/**
 * A store that is down, hangs, trickles, breaks its bodies or throttles, seen through the service: each
 * fault is answered with its status and {@code no-store} within {@code imgorigin.source.timeout} plus a
 * second, and the very next request, with the store healthy again, is served.
 *
 * <p>One service, pointed at S3Proxy through a {@link FaultInjectingProxy}, serves every case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreFaultsHttpTest {

    private static final Duration SOURCE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration WITHIN = SOURCE_TIMEOUT.plusSeconds(1);
    /** A 256×256 PNG of random pixels: about 200 kB, so that "mid-body" is well inside the body. */
    private static final byte[] ORIGINAL = TestImages.encode(TestImages.noise(256, 256, 5), "png");
    private static final String URL = "/noise.png?w=100&f=webp";

    private final HttpClient http = HttpClient.newHttpClient();
    private S3ProxyServer s3;
    private FaultInjectingProxy proxy;
    private RunningService service;

    @BeforeAll
    void start() {
        s3 = S3ProxyServer.launch();
        s3.put("noise.png", ORIGINAL);
        proxy = FaultInjectingProxy.inFrontOf(s3.endpoint());
        Map<String, Object> properties = RunningService.s3(proxy.endpoint(), s3.bucket());
        properties.put("imgorigin.source.timeout", SOURCE_TIMEOUT.toMillis() + "ms");
        service = RunningService.start(properties);
    }

    @AfterAll
    void stop() {
        service.close();
        proxy.close();
        s3.close();
    }

    /** Whatever the fault was, the next request after it is served normally. */
    @AfterEach
    void servesNormallyRightAfter() throws Exception {
        proxy.passThrough();
        Timed next = get(URL);
        assertThat(next.response().statusCode()).isEqualTo(200);
        assertThat(next.response().headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(next.elapsed()).isLessThan(WITHIN);
    }

    @Test
    void aTrickledBodyIs504AtTheDeadlineAndItsConnectionIsDropped() throws Exception {
        // 200 kB at 64 bytes per 20 ms would take a minute; each gap is far below the socket read timeout.
        proxy.trickle(64, Duration.ofMillis(20));

        Timed answer = get(URL);

        answer.assertFailure(504);
        assertThat(answer.elapsed()).isGreaterThanOrEqualTo(SOURCE_TIMEOUT.minusMillis(50));
        proxy.awaitCutOff(1, Duration.ofSeconds(1));
    }

    @Test
    void aBodyThatStallsIs504() throws Exception {
        proxy.stallAfter(ORIGINAL.length / 2);

        get(URL).assertFailure(504);
        proxy.awaitCutOff(1, Duration.ofSeconds(1));
    }

    @Test
    void aStoreThatSendsNoHeadersIs504() throws Exception {
        proxy.hold();

        get(URL).assertFailure(504);
    }

    @Test
    void aResetMidBodyIs502() throws Exception {
        proxy.resetAfter(ORIGINAL.length / 2);

        get(URL).assertFailure(502);
    }

    @Test
    void aBodyThatEndsEarlyIs502NotAnUnusableImage() throws Exception {
        proxy.endEarlyAfter(ORIGINAL.length / 2);

        get(URL).assertFailure(502);
    }

    @Test
    void aContentLengthLongerThanTheBodyIs502() throws Exception {
        proxy.declareLengthOff(+1000);

        get(URL).assertFailure(502);
    }

    @Test
    void aContentLengthShorterThanTheBodyIs502NotATruncatedImage() throws Exception {
        // The service receives a well-framed PNG missing its last 1000 bytes: without the ETag's MD5
        // it would decode it as a truncated image and answer a cacheable 422.
        proxy.declareLengthOff(-1000);

        get(URL).assertFailure(502);
    }

    @Test
    void aThrottlingBurstShorterThanTheRetriesIsRiddenOut() throws Exception {
        int before = proxy.throttledCount();
        proxy.throttle(2);

        Timed answer = get(URL);

        assertThat(answer.response().statusCode()).isEqualTo(200);
        assertThat(answer.elapsed()).isLessThan(WITHIN);
        assertThat(proxy.throttledCount() - before).isEqualTo(2);
    }

    @Test
    void throttlingThatOutlastsTheRetriesIs502() throws Exception {
        int before = proxy.throttledCount();
        proxy.throttle(1000);

        get(URL).assertFailure(502);
        assertThat(proxy.throttledCount() - before).as("bounded retries").isBetween(2, 5);
        // A conditional request asks for the metadata first: the same answer.
        get(URL, "If-None-Match", "\"stale\"").assertFailure(502);
    }

    @Test
    void serverErrorsAreRetriedThen502() throws Exception {
        proxy.failNext(1, 500, "InternalError");
        assertThat(get(URL).response().statusCode()).isEqualTo(200);

        proxy.failNext(1000, 500, "InternalError");
        get(URL).assertFailure(502);
    }

    @Test
    void aStoreThatIsDownIs502AndRecoveryNeedsNoRestart() throws Exception {
        s3.stop();
        try {
            get(URL).assertFailure(502);
        } finally {
            s3.start();
        }
    }

    private Timed get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(pathAndQuery)).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            request.headers(headers);
        }
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
    }

    private record Timed(HttpResponse<String> response, Duration elapsed) {

        void assertFailure(int status) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"status\":" + status);
            assertThat(elapsed).isLessThan(WITHIN);
        }
    }
}
