package io.imgorigin.source;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Originals kept in an S3 bucket (or any S3-compatible store).
 *
 * <p>The object key is {@code prefix + "/" + key}: a non-empty prefix is joined to the key with exactly
 * one {@code /}, whether or not it was configured with a trailing one ({@code photos} and
 * {@code photos/} both serve {@code photos/cat.jpg} for the key {@code cat.jpg}). An empty prefix
 * leaves the key as it is.
 */
public class S3ImageSource implements ImageSource {

    private final S3Client client;
    private final String bucket;
    private final String prefix;

    public S3ImageSource(S3Client client, String bucket, String prefix) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("An S3 source needs a bucket");
        }
        this.client = client;
        this.bucket = bucket;
        this.prefix = normalisePrefix(prefix);
    }

    /** The key under which {@code key} is stored in the bucket. */
    public String objectKey(String key) {
        return prefix + key;
    }

    @Override
    public SourceMetadata stat(String key) {
        try {
            HeadObjectResponse head = client.headObject(b -> b.bucket(bucket).key(objectKey(key)));
            return metadata(head.eTag(), head.lastModified(), head.contentType());
        } catch (SdkException e) {
            throw S3Failures.translate(key, e);
        }
    }

    @Override
    public SourceObject fetch(String key, long maxBytes) {
        ResponseInputStream<GetObjectResponse> body;
        try {
            body = client.getObject(b -> b.bucket(bucket).key(objectKey(key)));
        } catch (SdkException e) {
            throw S3Failures.translate(key, e);
        }
        GetObjectResponse response = body.response();
        SourceMetadata metadata = metadata(response.eTag(), response.lastModified(), response.contentType());
        return new SourceObject(metadata, readBounded(key, body, maxBytes));
    }

    /**
     * Reads at most one byte past the limit, whatever Content-Length claims. Any early exit aborts the
     * stream rather than closing it, because closing would drain the rest of the body to keep the
     * connection reusable.
     */
    private static byte[] readBounded(String key, ResponseInputStream<GetObjectResponse> body, long maxBytes) {
        boolean complete = false;
        try {
            Long declared = body.response().contentLength();
            if (declared != null && declared > maxBytes) {
                throw BoundedRead.tooLarge(key, maxBytes);
            }
            byte[] bytes = declared == null ? BoundedRead.readAtMost(body, maxBytes, key)
                    : BoundedRead.readDeclared(body, declared, maxBytes, key);
            complete = true;
            return bytes;
        } catch (IOException | SdkException e) {
            throw S3Failures.translate(key, e);
        } finally {
            if (complete) {
                closeQuietly(body);
            } else {
                body.abort();
            }
        }
    }

    private static void closeQuietly(ResponseInputStream<GetObjectResponse> body) {
        try {
            body.close();
        } catch (IOException e) {
            // The body was read to its end; a failure to release the connection does not change it.
        }
    }

    private static SourceMetadata metadata(String eTag, Instant lastModified, String contentType) {
        Instant modified = lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS);
        return new SourceMetadata(stripQuotes(eTag), modified, contentType);
    }

    private static String stripQuotes(String eTag) {
        if (eTag == null) {
            return null;
        }
        if (eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
            return eTag.substring(1, eTag.length() - 1);
        }
        return eTag;
    }

    private static String normalisePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        return prefix.endsWith("/") ? prefix : prefix + "/";
    }
}
