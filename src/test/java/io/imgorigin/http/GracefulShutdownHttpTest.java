package io.imgorigin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.imgorigin.testing.FaultInjectingProxy;
import io.imgorigin.testing.FaultyHttpServer;
import io.imgorigin.testing.RunningService;
import io.imgorigin.testing.S3ProxyServer;
import io.imgorigin.testing.ServiceProcess;
import io.imgorigin.testing.TestImages;

/** On shutdown, requests already in flight still get their whole answer, and nothing new is taken on. */
class GracefulShutdownHttpTest {

    /** {@code spring.lifecycle.timeout-per-shutdown-phase}: the drain may take this long before the exit. */
    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final int IN_FLIGHT = 8;

    @Test
    void onSigtermUnderLoadEveryRequestInFlightGetsItsImageAndTheProcessExits() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.launch();
                FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(s3.endpoint());
                HttpClient http = HttpClient.newHttpClient()) {
            s3.put("photo.jpg", TestImages.jpeg(1200, 800));
            Map<String, Object> properties = RunningService.s3(proxy.endpoint(), s3.bucket());
            try (ServiceProcess service = ServiceProcess.start(properties)) {
                // Eight requests for eight different images, each held in the store once it has asked for it.
                proxy.hold();
                List<CompletableFuture<HttpResponse<byte[]>>> inFlight = new ArrayList<>();
                for (int i = 0; i < IN_FLIGHT; i++) {
                    inFlight.add(http.sendAsync(HttpRequest.newBuilder(service.uri("/photo.jpg?w=" + (300 + i) + "&f=webp"))
                            .build(), HttpResponse.BodyHandlers.ofByteArray()));
                }
                proxy.awaitHeld(IN_FLIGHT, Duration.ofSeconds(30));

                long terminated = System.nanoTime();
                service.terminate();

                awaitReadinessDown(http, service, Duration.ofSeconds(2));
                assertThat(inFlight).as("still held while readiness went down").noneMatch(CompletableFuture::isDone);
                awaitRefused(service, Duration.ofSeconds(5));
                assertThat(service.isAlive()).as("draining, not gone").isTrue();

                proxy.release();
                for (CompletableFuture<HttpResponse<byte[]>> request : inFlight) {
                    HttpResponse<byte[]> response = request.get(GRACE.toSeconds(), TimeUnit.SECONDS);
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.headers().firstValue("Content-Type")).hasValue("image/webp");
                    assertThat(TestImages.decode(response.body()).getWidth()).isBetween(300, 300 + IN_FLIGHT - 1);
                }
                int exit = service.awaitExit(GRACE);
                Duration tookToExit = Duration.ofNanos(System.nanoTime() - terminated);
                assertThat(exit).as("exited within the grace period:\n" + service.output()).isNotEqualTo(-1);
                assertThat(tookToExit).isLessThan(GRACE);
                assertThat(service.output()).doesNotContain("\tat ").doesNotContain(" ERROR ");
            }
        }
    }

    @Test
    void inFlightRequestFinishesDuringShutdown() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (FaultyHttpServer store = FaultyHttpServer.hanging()) {
            Map<String, Object> properties = RunningService.s3(store.endpoint(), "bucket");
            properties.put("imgorigin.source.timeout", "3s");
            RunningService service = RunningService.start(properties);
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                    HttpRequest.newBuilder(service.uri("/slow.png?w=10")).build(), HttpResponse.BodyHandlers.ofString());
            while (service.meters().get("imgorigin.inflight").gauge().value() < 1) {
                assertThat(inFlight).as("answered before shutdown began").isNotDone();
                Thread.onSpinWait();
            }
            CompletableFuture<Void> shutdown = CompletableFuture.runAsync(service::close);
            HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(response.body()).contains("\"status\":504");
            shutdown.get(30, TimeUnit.SECONDS);
        }
    }

    /** Readiness fails (with a non-200 answer, or no answer at all) within {@code limit} of the signal. */
    private static void awaitReadinessDown(HttpClient http, ServiceProcess service, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(service.managementUri("/actuator/health/readiness"))
                .timeout(Duration.ofMillis(500)).build();
        while (true) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                    return;
                }
            } catch (IOException down) {
                return;
            }
            assertThat(System.nanoTime()).as("readiness still up " + limit + " after SIGTERM").isLessThan(end);
            Thread.sleep(10);
        }
    }

    /** New connections to the image port are refused within {@code limit}. */
    private static void awaitRefused(ServiceProcess service, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            try (Socket socket = new Socket("127.0.0.1", service.port())) {
                assertThat(System.nanoTime()).as("new connections still accepted " + limit + " after SIGTERM")
                        .isLessThan(end);
            } catch (ConnectException refused) {
                assertThatThrownBy(() -> new Socket("127.0.0.1", service.port()).close())
                        .isInstanceOf(ConnectException.class);
                return;
            }
            Thread.sleep(10);
        }
    }
}
