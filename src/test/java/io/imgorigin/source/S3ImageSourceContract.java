package io.imgorigin.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What every S3-compatible store must do for {@link S3ImageSource}. A subclass supplies the store;
 * each test writes under its own random folder so tests never see each other's objects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class S3ImageSourceContract {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** Writes fixtures; not the client under test. */
    protected abstract S3Client adminClient();

    protected abstract URI endpoint();

    protected abstract String bucket();

    protected abstract String accessKey();

    protected abstract String secretKey();

    protected S3Client client;
    protected String folder;

    @BeforeEach
    void createSourceClient() {
        client = TestS3Clients.forEndpoint(endpoint(), accessKey(), secretKey(), TIMEOUT);
        folder = "t-" + UUID.randomUUID();
    }

    @AfterEach
    void closeSourceClient() {
        client.close();
    }

    protected S3ImageSource source() {
        return new S3ImageSource(client, bucket(), folder, TIMEOUT);
    }

    protected void put(String key, byte[] bytes) {
        adminClient().putObject(b -> b.bucket(bucket()).key(folder + "/" + key).contentType("image/jpeg"),
                RequestBody.fromBytes(bytes));
    }

    protected static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void statAndFetchDescribeTheSameObject() {
        byte[] bytes = randomBytes(10_000, 1);
        Instant before = Instant.now().minusSeconds(60);
        put("photos/cat.jpg", bytes);

        SourceMetadata stat = source().stat("photos/cat.jpg");
        SourceObject object = source().fetch("photos/cat.jpg", bytes.length);

        assertThat(object.bytes()).isEqualTo(bytes);
        assertThat(object.metadata().etag()).isEqualTo(stat.etag()).isNotBlank().doesNotContain("\"");
        assertThat(stat.lastModified().getNano()).isZero();
        assertThat(stat.lastModified()).isAfter(before).isBefore(Instant.now().plusSeconds(60));
        assertThat(object.metadata().lastModified()).isEqualTo(stat.lastModified());
        assertThat(stat.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void prefixIsJoinedWithExactlyOneSlash() {
        put("cat.jpg", "meow".getBytes(StandardCharsets.UTF_8));

        assertThat(new S3ImageSource(client, bucket(), folder, TIMEOUT).fetch("cat.jpg", 100).bytes()).asString()
                .isEqualTo("meow");
        assertThat(new S3ImageSource(client, bucket(), folder + "/", TIMEOUT).fetch("cat.jpg", 100).bytes()).asString()
                .isEqualTo("meow");
        assertThat(new S3ImageSource(client, bucket(), "", TIMEOUT).fetch(folder + "/cat.jpg", 100).bytes()).asString()
                .isEqualTo("meow");
    }

    @Test
    void missingObjectIsNotFound() {
        assertThatThrownBy(() -> source().stat("nope.jpg")).isInstanceOf(SourceNotFoundException.class);
        assertThatThrownBy(() -> source().fetch("nope.jpg", 100)).isInstanceOf(SourceNotFoundException.class);
    }

    @Test
    void overwriteChangesTheEtag() {
        put("cat.jpg", randomBytes(1000, 1));
        String before = source().stat("cat.jpg").etag();

        put("cat.jpg", randomBytes(1000, 2));

        assertThat(source().stat("cat.jpg").etag()).isNotEqualTo(before);
        assertThat(source().fetch("cat.jpg", 1000).bytes()).isEqualTo(randomBytes(1000, 2));
    }

    @Test
    void deletedObjectIsNotFound() {
        put("cat.jpg", randomBytes(100, 1));
        source().fetch("cat.jpg", 100);

        adminClient().deleteObject(b -> b.bucket(bucket()).key(folder + "/cat.jpg"));

        assertThatThrownBy(() -> source().stat("cat.jpg")).isInstanceOf(SourceNotFoundException.class);
        assertThatThrownBy(() -> source().fetch("cat.jpg", 100)).isInstanceOf(SourceNotFoundException.class);
    }

    @Test
    void objectOverTheLimitIsTooLargeAndTheClientStaysUsable() {
        put("big.jpg", randomBytes(2_000_000, 1));
        put("small.jpg", randomBytes(10, 1));

        assertThatThrownBy(() -> source().fetch("big.jpg", 1_999_999)).isInstanceOf(SourceTooLargeException.class);
        assertThat(source().fetch("big.jpg", 2_000_000).bytes()).hasSize(2_000_000);
        assertThat(source().fetch("small.jpg", 10).bytes()).hasSize(10);
    }
}
