package io.imgorigin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.imgorigin.testing.FaultyHttpServer;
import io.imgorigin.testing.RunningService;

/** On shutdown, a request already in flight still gets its whole answer. */
class GracefulShutdownHttpTest {

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
}
