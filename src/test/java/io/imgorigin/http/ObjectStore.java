package io.imgorigin.http;

import java.net.URI;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3-compatible server an HTTP contract test runs against, and a client to change its objects. */
record ObjectStore(URI endpoint, String bucket, S3Client client) {

    void put(String key, byte[] bytes) {
        client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    void delete(String key) {
        client.deleteObject(b -> b.bucket(bucket).key(key));
    }
}
