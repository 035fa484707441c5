package io.imgorigin.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

class BodyIntegrityTest {

    private static final byte[] BODY = "the object's bytes".getBytes(StandardCharsets.UTF_8);
    private static final String MD5 = "\"" + HexFormat.of().formatHex(md5(BODY)) + "\"";

    @Test
    void theWholeObjectMatchesItsMd5ETag() {
        GetObjectResponse response = GetObjectResponse.builder().eTag(MD5).build();

        assertThatNoException().isThrownBy(() -> BodyIntegrity.verify("k", response, BODY));
    }

    @Test
    void aPrefixOfTheObjectIsABrokenAnswer() {
        GetObjectResponse plain = GetObjectResponse.builder().eTag(MD5).build();
        GetObjectResponse sseS3 = GetObjectResponse.builder().eTag(MD5.toUpperCase(Locale.ROOT))
                .serverSideEncryption(ServerSideEncryption.AES256).build();
        byte[] prefix = Arrays.copyOf(BODY, BODY.length - 1);

        assertThatThrownBy(() -> BodyIntegrity.verify("k", plain, prefix)).isInstanceOf(SourceStoreException.class);
        assertThatThrownBy(() -> BodyIntegrity.verify("k", sseS3, prefix)).isInstanceOf(SourceStoreException.class);
    }

    @Test
    void eTagsThatAreNoMd5OfTheBytesAreNotChecked() {
        byte[] other = "other bytes".getBytes(StandardCharsets.UTF_8);
        String multipart = "\"" + MD5.substring(1, 33) + "-3\"";
        for (GetObjectResponse response : new GetObjectResponse[] {
                GetObjectResponse.builder().eTag(multipart).build(),
                GetObjectResponse.builder().eTag(MD5).serverSideEncryption(ServerSideEncryption.AWS_KMS).build(),
                GetObjectResponse.builder().eTag(MD5).serverSideEncryption(ServerSideEncryption.AWS_KMS_DSSE).build(),
                GetObjectResponse.builder().eTag(MD5).sseCustomerAlgorithm("AES256").build(),
                GetObjectResponse.builder().eTag(MD5).contentRange("bytes 0-10/100").build(),
                GetObjectResponse.builder().eTag("\"v1-opaque\"").build(),
                GetObjectResponse.builder().build()}) {
            assertThatNoException().as(response.toString()).isThrownBy(() -> BodyIntegrity.verify("k", response, other));
        }
        assertThat(BodyIntegrity.isContentMd5(MD5.substring(1, 33), GetObjectResponse.builder().build())).isTrue();
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
