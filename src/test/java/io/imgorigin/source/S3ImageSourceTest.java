package io.imgorigin.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import io.imgorigin.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 contract against S3Proxy, plus what only a store we can stop and restart can show. */
class S3ImageSourceTest extends S3ImageSourceContract {

    private S3ProxyServer s3;

    @BeforeAll
    void startStore() {
        s3 = S3ProxyServer.launch();
    }

    @AfterAll
    void stopStore() {
        s3.close();
    }

    @AfterEach
    void storeIsBackUp() {
        s3.start();
    }

    @Override
    protected S3Client adminClient() {
        return s3.client();
    }

    @Override
    protected URI endpoint() {
        return s3.endpoint();
    }

    @Override
    protected String bucket() {
        return s3.bucket();
    }

    @Override
    protected String accessKey() {
        return s3.accessKey();
    }

    @Override
    protected String secretKey() {
        return s3.secretKey();
    }

    @Test
    void stoppedStoreIsAStoreFailureRatherThanATimeout() {
        put("cat.jpg", randomBytes(100, 1));
        source().fetch("cat.jpg", 100);

        s3.stop();

        Instant start = Instant.now();
        assertThatThrownBy(() -> source().fetch("cat.jpg", 100)).isInstanceOf(SourceStoreException.class);
        assertThatThrownBy(() -> source().stat("cat.jpg")).isInstanceOf(SourceStoreException.class);
        // A refused connection must not be held until the deadline.
        assertThat(Duration.between(start, Instant.now())).isLessThan(TIMEOUT.multipliedBy(2));
    }

    @Test
    void restartedStoreServesAgainWithTheSameClient() {
        put("cat.jpg", randomBytes(100, 1));
        String etag = source().stat("cat.jpg").etag();
        s3.stop();
        assertThatThrownBy(() -> source().stat("cat.jpg")).isInstanceOf(SourceStoreException.class);

        s3.start();

        assertThat(source().stat("cat.jpg").etag()).isEqualTo(etag);
        assertThat(source().fetch("cat.jpg", 100).bytes()).isEqualTo(randomBytes(100, 1));
    }
}
