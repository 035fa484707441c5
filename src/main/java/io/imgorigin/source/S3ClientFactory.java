package io.imgorigin.source;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the S3 client from {@code imgorigin.source.*}.
 *
 * <p>{@code imgorigin.source.timeout} bounds a whole call including retries; each attempt gets an
 * equal share of it so that a hung first attempt still leaves time for a retry. The socket read timeout
 * equals that share, so a body that stops altogether is noticed early; a body that keeps trickling is cut
 * off at the deadline by {@link StoreDeadline}, since the SDK's call timers stop once the response is
 * returned.
 */
public class S3ClientFactory {

    static final int MAX_CONNECTIONS = 64;
    static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final AwsCredentialsProvider credentials;
    private final AwsRegionProvider regionFallback;

    /**
     * @param credentials    where credentials come from (the SDK's default chain in production)
     * @param regionFallback consulted only when no region is configured
     */
    public S3ClientFactory(AwsCredentialsProvider credentials, AwsRegionProvider regionFallback) {
        this.credentials = credentials;
        this.regionFallback = regionFallback;
    }

    public S3Client create(SourceProperties source) {
        SourceProperties.S3 s3 = source.s3();
        Duration timeout = source.timeout();
        int attempts = Math.max(1, s3.maxAttempts());
        Duration attemptTimeout = timeout.dividedBy(attempts);

        S3ClientBuilder builder = S3Client.builder()
                .region(region(s3))
                .credentialsProvider(credentials)
                .forcePathStyle(s3.pathStyle())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(MAX_CONNECTIONS)
                        .connectionTimeout(min(MAX_CONNECT_TIMEOUT, attemptTimeout))
                        .socketTimeout(attemptTimeout)
                        .connectionAcquisitionTimeout(timeout))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(timeout)
                        .apiCallAttemptTimeout(attemptTimeout)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(attempts)
                                .backoffStrategy(backoff(attemptTimeout))
                                .throttlingBackoffStrategy(backoff(attemptTimeout))
                                .build())
                        .build());
        if (s3.endpoint() != null) {
            builder.endpointOverride(s3.endpoint());
        }
        return builder.build();
    }

    /**
     * Waits between attempts are kept short beside the attempt's share of the timeout: the SDK's
     * default throttling back-off (up to seconds) would turn a store's SlowDown into our own timeout,
     * answering 504 where the store did answer, with an error (502).
     */
    static BackoffStrategy backoff(Duration attemptTimeout) {
        Duration cap = min(Duration.ofMillis(500), attemptTimeout.dividedBy(4));
        return BackoffStrategy.exponentialDelay(min(Duration.ofMillis(25), cap), cap);
    }

    /** The configured region, else the SDK's default chain, else us-east-1. */
    Region region(SourceProperties.S3 s3) {
        if (s3.region() != null && !s3.region().isBlank()) {
            return Region.of(s3.region().trim());
        }
        try {
            return regionFallback.getRegion();
        } catch (SdkClientException e) {
            return Region.US_EAST_1;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
