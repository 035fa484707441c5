package io.imgorigin.source;

import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;

import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns what the S3 client throws into this package's exceptions.
 *
 * <p>A 403 is reported as missing because S3 answers AccessDenied, not 404, for a missing key when the
 * caller may not list the bucket. Every kind of timeout, wherever it sits in the cause chain, is a
 * timeout; anything else the store or the connection says is a store failure.
 */
final class S3Failures {

    /** Guards against cause chains that loop back on themselves. */
    private static final int MAX_CAUSE_DEPTH = 32;

    private S3Failures() {
    }

    static RuntimeException translate(String key, Throwable failure) {
        if (failure instanceof S3Exception s3 && isMissing(s3)) {
            return new SourceNotFoundException("No source '" + key + "'", failure);
        }
        if (isTimeout(failure)) {
            return new SourceTimeoutException("The store did not answer in time for '" + key + "'", failure);
        }
        return new SourceStoreException("The store failed for '" + key + "': " + failure.getMessage(), failure);
    }

    private static boolean isMissing(S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 404 || e.statusCode() == 403
                || "NoSuchKey".equals(code) || "AccessDenied".equals(code);
    }

    private static boolean isTimeout(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_CAUSE_DEPTH; t = t.getCause(), depth++) {
            // InterruptedIOException covers socket read timeouts and Apache's connect timeout alike.
            if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
                    || t instanceof InterruptedIOException || t instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
