package io.imgorigin.testing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.imgorigin.ImgoriginApplication;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The whole service, started in-process on free ports with the given properties, for tests that
 * talk to it over real HTTP. The management port is found from the running context.
 */
public final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningService start(Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("management.server.port", "0");
        all.put("logging.level.imgorigin.request", "warn");
        all.putAll(properties);
        // As command-line arguments they outrank application.yml (default properties would not).
        String[] arguments = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        SpringApplication application = new SpringApplicationBuilder(ImgoriginApplication.class)
                .web(WebApplicationType.SERVLET)
                .build();
        return new RunningService(application.run(arguments));
    }

    /** Properties that point the service at an S3-compatible endpoint, path-style. */
    public static Map<String, Object> s3(URI endpoint, String bucket) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("imgorigin.source.type", "s3");
        properties.put("imgorigin.source.s3.bucket", bucket);
        properties.put("imgorigin.source.s3.endpoint", endpoint.toString());
        properties.put("imgorigin.source.s3.path-style", "true");
        properties.put("imgorigin.source.s3.region", "us-east-1");
        return properties;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    public URI managementUri(String path) {
        String port = context.getEnvironment().getProperty("local.management.port");
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public MeterRegistry meters() {
        return context.getBean(MeterRegistry.class);
    }

    /** How many times a stage ran, from {@code imgorigin.stage}. */
    public long stageCount(String stage) {
        var timer = meters().find("imgorigin.stage").tag("stage", stage).timer();
        return timer == null ? 0 : timer.count();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
