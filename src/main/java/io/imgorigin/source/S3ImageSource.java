package io.imgorigin.source;

import java.io.IOException;
import java.time.Duration;
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
 *
 * <p>A download must be whole within {@code timeout} (see {@link StoreDeadline}), and must be the
 * object: a body that ends early, runs past its Content-Length or does not match the object's MD5
 * ETag (see {@link BodyIntegrity}) is a store failure, never bytes handed on to the decoder.
 */
public class S3ImageSource implements ImageSource {

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final Duration timeout;
    private final boolean verifyMd5;

    public S3ImageSource(S3Client client, String bucket, String prefix, Duration timeout) {
        this(client, bucket, prefix, timeout, true);
    }

    /**
     * @param timeout   the deadline of each answer, body included; the client's own call timeouts should
     *                  not be longer (see {@link S3ClientFactory})
     * @param verifyMd5 whether bodies are checked against MD5-shaped ETags ({@link BodyIntegrity})
     */
    public S3ImageSource(S3Client client, String bucket, String prefix, Duration timeout, boolean verifyMd5) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("An S3 source needs a bucket");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The store's timeout must be positive: " + timeout);
        }
        this.client = client;
        this.bucket = bucket;
        this.prefix = normalisePrefix(prefix);
        this.timeout = timeout;
        this.verifyMd5 = verifyMd5;
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
        try (StoreDeadline deadline = StoreDeadline.start(timeout)) {
            ResponseInputStream<GetObjectResponse> body;
            try {
                body = client.getObject(b -> b.bucket(bucket).key(objectKey(key))
                        .overrideConfiguration(o -> o.apiCallTimeout(deadline.remaining())));
            } catch (SdkException e) {
                throw S3Failures.translate(key, e);
            }
            deadline.onExpiry(body::abort);
            GetObjectResponse response = body.response();
            SourceMetadata metadata = metadata(response.eTag(), response.lastModified(), response.contentType());
            byte[] bytes = readBounded(key, body, maxBytes, deadline);
            if (verifyMd5) {
                BodyIntegrity.verify(key, response, bytes);
            }
            return new SourceObject(metadata, bytes);
        }
    }

    /**
     * Reads at most one byte past the limit, whatever Content-Length claims, and exactly the declared
     * length when there is one. Any early exit aborts the stream rather than closing it: closing would
     * drain the rest of the body to keep the connection reusable, and a connection whose answer was
     * broken must not be used again.
     */
    private static byte[] readBounded(String key, ResponseInputStream<GetObjectResponse> body, long maxBytes,
            StoreDeadline deadline) {
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
            if (deadline.expired()) {
                throw new SourceTimeoutException("The store did not send all of '" + key + "' within the deadline", e);
            }
            throw S3Failures.translate(key, e);
        } catch (SourceStoreException e) {
            // A body that ended early because the deadline cut the connection is a timeout, not a broken body.
            if (deadline.expired()) {
                throw new SourceTimeoutException("The store did not send all of '" + key + "' within the deadline", e);
            }
            throw e;
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

    static String stripQuotes(String eTag) {
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
