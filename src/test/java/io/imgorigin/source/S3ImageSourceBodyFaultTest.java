package io.imgorigin.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.ThrowingSupplier;

import io.imgorigin.testing.FaultInjectingProxy;
import io.imgorigin.testing.S3ProxyServer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link S3ImageSource} against S3Proxy behind {@link FaultInjectingProxy}: each broken answer is
 * reported as the right failure within the deadline plus a second, and the same source serves the next
 * healthy answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3ImageSourceBodyFaultTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration WITHIN = TIMEOUT.plusSeconds(1);
    private static final byte[] OBJECT = randomBytes(64 * 1024);

    private S3ProxyServer s3;
    private FaultInjectingProxy proxy;
    private S3Client client;
    private S3ImageSource source;

    @BeforeAll
    void start() {
        s3 = S3ProxyServer.launch();
        s3.put("photos/cat.jpg", OBJECT);
        proxy = FaultInjectingProxy.inFrontOf(s3.endpoint());
        client = TestS3Clients.forEndpoint(proxy.endpoint(), s3.accessKey(), s3.secretKey(), TIMEOUT);
        source = new S3ImageSource(client, s3.bucket(), "photos", TIMEOUT);
    }

    @AfterAll
    void stop() {
        client.close();
        proxy.close();
        s3.close();
    }

    @AfterEach
    void healthyAgain() {
        proxy.passThrough();
        assertThat(source.fetch("cat.jpg", OBJECT.length).bytes()).isEqualTo(OBJECT);
    }

    @Test
    void aTrickledBodyIsCutOffAtTheDeadline() throws Exception {
        // 64 KiB at 16 bytes per 20 ms would take 80 s; each gap is far below the socket read timeout.
        proxy.trickle(16, Duration.ofMillis(20));

        Duration took = failureTime(() -> source.fetch("cat.jpg", OBJECT.length), SourceTimeoutException.class);

        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(50)).isLessThan(WITHIN);
        // The partial body is dropped with its connection rather than drained.
        proxy.awaitCutOff(1, Duration.ofSeconds(1));
    }

    @Test
    void aStalledBodyIsATimeout() throws Exception {
        proxy.stallAfter(1000);

        Duration took = failureTime(() -> source.fetch("cat.jpg", OBJECT.length), SourceTimeoutException.class);

        assertThat(took).isLessThan(WITHIN);
        proxy.awaitCutOff(1, Duration.ofSeconds(1));
    }

    @Test
    void aResetMidBodyIsAStoreFailure() {
        proxy.resetAfter(OBJECT.length / 2);

        assertThat(failureTime(() -> source.fetch("cat.jpg", OBJECT.length), SourceStoreException.class))
                .isLessThan(WITHIN);
    }

    @Test
    void aBodyThatEndsEarlyIsAStoreFailure() {
        proxy.endEarlyAfter(OBJECT.length / 2);

        assertThat(failureTime(() -> source.fetch("cat.jpg", OBJECT.length), SourceStoreException.class))
                .isLessThan(WITHIN);
    }

    @Test
    void aContentLengthLongerThanTheBodyIsAStoreFailure() {
        proxy.declareLengthOff(+100);

        assertThat(failureTime(() -> source.fetch("cat.jpg", OBJECT.length + 100), SourceStoreException.class))
                .isLessThan(WITHIN);
    }

    @Test
    void aContentLengthShorterThanTheBodyIsAStoreFailureNotATruncatedImage() {
        // The client reads a well-framed prefix of the object; only the ETag's MD5 tells it is not the object.
        proxy.declareLengthOff(-100);

        assertThatThrownBy(() -> source.fetch("cat.jpg", OBJECT.length))
                .isInstanceOf(SourceStoreException.class)
                .hasMessageContaining("does not match its ETag");
    }

    @Test
    void withMd5CheckingOffTheSameShortenedBodyIsHandedOn() {
        // The switch is for stores whose ETags only look like MD5s; what it gives up is exactly this case.
        S3ImageSource unchecked = new S3ImageSource(client, s3.bucket(), "photos", TIMEOUT, false);
        proxy.declareLengthOff(-100);

        assertThat(unchecked.fetch("cat.jpg", OBJECT.length).bytes())
                .isEqualTo(java.util.Arrays.copyOf(OBJECT, OBJECT.length - 100));
    }

    @Test
    void aThrottlingBurstShorterThanTheRetriesIsRiddenOut() {
        int before = proxy.throttledCount();
        proxy.throttle(TestS3Clients.MAX_ATTEMPTS - 1);

        assertThat(source.fetch("cat.jpg", OBJECT.length).bytes()).isEqualTo(OBJECT);
        assertThat(proxy.throttledCount() - before).isEqualTo(TestS3Clients.MAX_ATTEMPTS - 1);
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsAStoreFailureWithinTheDeadline() {
        int before = proxy.throttledCount();
        proxy.throttle(1000);

        assertThat(failureTime(() -> source.fetch("cat.jpg", OBJECT.length), SourceStoreException.class))
                .isLessThan(WITHIN);
        assertThat(failureTime(() -> source.stat("cat.jpg"), SourceStoreException.class)).isLessThan(WITHIN);
        assertThat(proxy.throttledCount() - before).isEqualTo(2 * TestS3Clients.MAX_ATTEMPTS);
    }

    private static Duration failureTime(ThrowingSupplier<?> call, Class<? extends Throwable> expected) {
        long started = System.nanoTime();
        assertThatThrownBy(call::get).isInstanceOf(expected);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(17).nextBytes(bytes);
        return bytes;
    }
}
