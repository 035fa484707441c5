package io.imgorigin.source;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Checks a downloaded body against the MD5 that S3 publishes as the ETag, where it is one.
 *
 * <p>A body that ends early is caught by its Content-Length, but one whose Content-Length was itself
 * cut short (a broken proxy, a bad middlebox) arrives as a well-framed prefix of the object: the decoder
 * would call the image truncated and the 422 would be cached. S3's ETag is the hex MD5 of the object's
 * bytes for objects uploaded in one part, unencrypted or with SSE-S3; multipart ETags carry a
 * {@code -<parts>} suffix and SSE-KMS or SSE-C ones are not MD5s, and are not checked (as the AWS SDK
 * for Java 1.x did for every GetObject). S3-compatible stores (MinIO, LocalStack, S3Proxy) follow the
 * same rule.
 */
final class BodyIntegrity {

    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-fA-F]{32}");

    private BodyIntegrity() {
    }

    /** @throws SourceStoreException when the ETag is the object's MD5 and {@code bytes} do not have it */
    static void verify(String key, GetObjectResponse response, byte[] bytes) {
        String etag = S3ImageSource.stripQuotes(response.eTag());
        if (!isContentMd5(etag, response)) {
            return;
        }
        String actual = HexFormat.of().formatHex(md5(bytes));
        if (!actual.equals(etag.toLowerCase(Locale.ROOT))) {
            throw new SourceStoreException("The store's body for '" + key + "' (" + bytes.length
                    + " bytes) does not match its ETag " + etag);
        }
    }

    /** Whether this object's ETag is the MD5 of its bytes. */
    static boolean isContentMd5(String etag, GetObjectResponse response) {
        if (etag == null || !MD5_HEX.matcher(etag).matches()) {
            return false;
        }
        if (response.sseCustomerAlgorithm() != null || response.contentRange() != null) {
            return false;
        }
        ServerSideEncryption encryption = response.serverSideEncryption();
        return encryption == null || encryption == ServerSideEncryption.AES256;
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM provides MD5", e);
        }
    }
}
