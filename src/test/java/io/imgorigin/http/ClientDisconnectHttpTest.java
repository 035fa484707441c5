package io.imgorigin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.imgorigin.processing.admit.MemoryBudget;
import io.imgorigin.serving.CpuWorkers;
import io.imgorigin.serving.ImageService;
import io.imgorigin.testing.FaultInjectingProxy;
import io.imgorigin.testing.RunningService;
import io.imgorigin.testing.S3ProxyServer;
import io.imgorigin.testing.TestImages;

/**
 * Clients that hang up: mid-render (while the original is still being fetched) and mid-response (while
 * a large image is being written). Neither costs more than the render already under way, a coalesced
 * waiter still gets the image, nothing is logged with a stack trace, and nothing is left held.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class ClientDisconnectHttpTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newHttpClient();
    private S3ProxyServer s3;
    private FaultInjectingProxy proxy;
    private RunningService service;

    @BeforeAll
    void start() {
        s3 = S3ProxyServer.launch();
        s3.put("small.png", TestImages.png(64, 64, false));
        // 2000×2000 random pixels: the PNG sent back is about 12 MB, far more than socket buffers hold.
        s3.put("large.png", TestImages.encode(TestImages.noise(2000, 2000, 3), "png"));
        proxy = FaultInjectingProxy.inFrontOf(s3.endpoint());
        Map<String, Object> properties = RunningService.s3(proxy.endpoint(), s3.bucket());
        properties.put("imgorigin.source.timeout", "10s");
        service = RunningService.start(properties);
    }

    @AfterAll
    void stop() {
        service.close();
        proxy.close();
        s3.close();
    }

    @AfterEach
    void nothingIsLeftHeld(CapturedOutput output) throws Exception {
        proxy.passThrough();
        awaitIdle();
        assertThat(service.bean(ImageService.class).rendersInFlight()).isZero();
        assertThat(service.bean(MemoryBudget.class).used()).isZero();
        assertThat(service.bean(CpuWorkers.class).running()).isZero();
        assertThat(service.bean(CpuWorkers.class).queued()).isZero();
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain(" ERROR ");
        assertThat(get("/small.png?w=33").statusCode()).isEqualTo(200);
    }

    @Test
    void aClientThatHangsUpMidRenderLeavesItToTheWaiterThatSharesIt() throws Exception {
        long fetchesBefore = service.stageCount("fetch");
        double sharedBefore = coalesced();
        int getsBefore = proxy.getCount();
        proxy.hold();

        try (Socket first = send("/small.png?w=40&f=webp")) {
            proxy.awaitHeld(1, LIMIT);
        }
        CompletableFuture<HttpResponse<byte[]>> second = http.sendAsync(
                HttpRequest.newBuilder(service.uri("/small.png?w=40&f=webp")).build(), HttpResponse.BodyHandlers.ofByteArray());
        awaitCoalesced(sharedBefore + 1);
        proxy.release();

        HttpResponse<byte[]> answer = second.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(TestImages.magic(answer.body())).isEqualTo("webp");
        assertThat(proxy.getCount() - getsBefore).as("one download for both").isEqualTo(1);
        awaitIdle();
        assertThat(service.stageCount("fetch") - fetchesBefore).as("one fetch for both").isEqualTo(1);
    }

    @Test
    void aClientThatHangsUpMidResponseCostsOneRender() throws Exception {
        long fetchesBefore = service.stageCount("fetch");
        try (Socket client = send("/large.png?f=png")) {
            InputStream in = client.getInputStream();
            byte[] start = in.readNBytes(64 * 1024);
            assertThat(new String(start, 0, 12, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200");
        }
        awaitIdle();
        assertThat(service.stageCount("fetch") - fetchesBefore).isEqualTo(1);
    }

    @Test
    void manyClientsThatHangUpLeakNoStoreConnection() throws Exception {
        // More than the S3 client's 64 pooled connections: a leaked one per hang-up would exhaust the pool.
        for (int i = 0; i < 80; i++) {
            proxy.hold();
            try (Socket client = send("/small.png?w=" + (i + 1))) {
                proxy.awaitHeld(1, LIMIT);
            }
            proxy.release();
        }
        awaitIdle();
        HttpResponse<byte[]> after = http.send(HttpRequest.newBuilder(service.uri("/small.png?w=50"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(after.statusCode()).isEqualTo(200);
    }

    /** Sends a GET on a raw connection, so that the test decides when to hang up. */
    private Socket send(String pathAndQuery) throws IOException {
        Socket socket = new Socket("127.0.0.1", service.port());
        socket.setReceiveBufferSize(16 * 1024);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    private HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(service.uri(pathAndQuery)).timeout(LIMIT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private double coalesced() {
        var counter = service.meters().find("imgorigin.coalesced").counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitCoalesced(double atLeast) throws InterruptedException {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (coalesced() < atLeast) {
            assertThat(System.nanoTime()).as("a second caller joined the render").isLessThan(end);
            Thread.sleep(1);
        }
    }

    /** Until no request is in flight: the hung-up ones finish on their own once their render is done. */
    private void awaitIdle() throws InterruptedException {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (service.meters().get("imgorigin.inflight").gauge().value() > 0
                || service.bean(ImageService.class).rendersInFlight() > 0) {
            assertThat(System.nanoTime()).as("requests still in flight").isLessThan(end);
            Thread.sleep(1);
        }
    }
}
