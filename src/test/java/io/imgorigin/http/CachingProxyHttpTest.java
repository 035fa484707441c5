package io.imgorigin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.imgorigin.testing.RunningService;
import io.imgorigin.testing.S3ProxyServer;
import io.imgorigin.testing.TestImages;

/**
 * The service behind a real HTTP cache (nginx's proxy_cache with revalidation), the way a CDN sees it:
 * repeats are hits, an expired entry is revalidated with a 304, f=auto never hands WebP to a client that
 * did not ask for it, 4xx is cached for its minute, and 5xx never is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CachingProxyHttpTest {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newHttpClient();
    private S3ProxyServer s3;
    private RunningService service;
    private Process nginx;
    private Path workDir;
    private int proxyPort;

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NGINX), "nginx is not installed (Debian package nginx-light)");
        s3 = S3ProxyServer.launch();
        s3.put("cat.png", TestImages.png(120, 80, true));
        Map<String, Object> properties = RunningService.s3(s3.endpoint(), s3.bucket());
        properties.put("imgorigin.cache.control", "public, max-age=1");
        properties.put("imgorigin.source.timeout", "2s");
        service = RunningService.start(properties);
        // nginx started as root runs its workers as nobody, who must be able to write the cache here
        workDir = Files.createTempDirectory("nginx-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        proxyPort = freePort();
        Files.writeString(workDir.resolve("nginx.conf"), """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    proxy_cache_path %1$s/cache keys_zone=images:1m;
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            proxy_pass http://127.0.0.1:%3$d;
                            proxy_cache images;
                            proxy_cache_revalidate on;
                            proxy_http_version 1.1;
                            add_header X-Cache $upstream_cache_status always;
                        }
                    }
                }
                """.formatted(workDir, proxyPort, service.port()));
        nginx = new ProcessBuilder(NGINX.toString(), "-c", workDir.resolve("nginx.conf").toString(), "-p", workDir.toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("stdout.log").toFile()).start();
        awaitPort(proxyPort);
    }

    @AfterAll
    void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (service != null) {
            service.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    private HttpResponse<byte[]> get(String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxyPort + pathAndQuery));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String cache(HttpResponse<?> response) {
        return response.headers().firstValue("X-Cache").orElse("");
    }

    @Test
    void repeatsAreHitsAndExpiredEntriesAreRevalidatedWith304() throws Exception {
        assertThat(cache(get("/cat.png?w=60", null))).isEqualTo("MISS");
        assertThat(cache(get("/cat.png?w=60", null))).isEqualTo("HIT");
        long fetches = service.stageCount("fetch");
        long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
        String status = "HIT";
        // the entry lives for max-age=1; the first request after it expires must be revalidated
        while (status.equals("HIT") && System.nanoTime() < deadline) {
            status = cache(get("/cat.png?w=60", null));
        }
        assertThat(status).isEqualTo("REVALIDATED");
        assertThat(service.stageCount("fetch")).as("the revalidation downloaded nothing").isEqualTo(fetches);
    }

    @Test
    void autoFormatNeverGivesWebpToAClientWithoutIt() throws Exception {
        HttpResponse<byte[]> webp = get("/cat.png?w=40&f=auto", "image/webp,*/*");
        assertThat(webp.headers().firstValue("Content-Type")).hasValue("image/webp");
        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> plain = get("/cat.png?w=40&f=auto", "image/png,*/*");
            assertThat(plain.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(TestImages.magic(plain.body())).isEqualTo("png");
            HttpResponse<byte[]> none = get("/cat.png?w=40&f=auto", null);
            assertThat(TestImages.magic(none.body())).isEqualTo("png");
        }
    }

    @Test
    void notFoundIsCachedForItsMinute() throws Exception {
        assertThat(get("/later.png?w=10", null).statusCode()).isEqualTo(404);
        s3.put("later.png", TestImages.png(20, 20, false));
        HttpResponse<byte[]> again = get("/later.png?w=10", null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(cache(again)).isEqualTo("HIT");
    }

    @Test
    void serverErrorsAreNeverCached() throws Exception {
        s3.put("flaky.png", TestImages.png(20, 20, false));
        s3.stop();
        try {
            assertThat(get("/flaky.png?w=10", null).statusCode()).isEqualTo(502);
            HttpResponse<byte[]> again = get("/flaky.png?w=10", null);
            assertThat(again.statusCode()).isEqualTo(502);
            assertThat(cache(again)).isNotEqualTo("HIT");
        } finally {
            s3.start();
        }
        assertThat(get("/flaky.png?w=10", null).statusCode()).isEqualTo(200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not start listening on " + port);
    }
}
