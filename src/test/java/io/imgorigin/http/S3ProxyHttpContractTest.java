package io.imgorigin.http;

import io.imgorigin.testing.S3ProxyServer;

/** The HTTP contract against S3Proxy, started by the test on loopback. */
class S3ProxyHttpContractTest extends S3HttpContractTest {

    private S3ProxyServer s3;

    @Override
    protected ObjectStore startStore() {
        s3 = S3ProxyServer.launch();
        return new ObjectStore(s3.endpoint(), s3.bucket(), s3.client());
    }

    @Override
    protected void stopStore() {
        if (s3 != null) {
            s3.close();
        }
    }
}
