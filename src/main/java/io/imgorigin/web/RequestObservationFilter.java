package io.imgorigin.web;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import io.imgorigin.processing.pipeline.OutputFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every image request into {@code imgorigin.requests} and writes one log line for it
 * (method, path, query, status, bytes, milliseconds), in logfmt so log tools can split it.
 */
public class RequestObservationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("imgorigin.request");

    private final MeterRegistry registry;
    private final String jpegPath;
    private final AtomicInteger inFlight = new AtomicInteger();

    public RequestObservationFilter(MeterRegistry registry, String jpegPath) {
        this.registry = registry;
        this.jpegPath = jpegPath;
        registry.gauge("imgorigin.inflight", inFlight);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.decrementAndGet();
            long nanos = System.nanoTime() - started;
            int status = response.getStatus();
            Object answered = request.getAttribute(RequestAttributes.OUTPUT_FORMAT);
            String format = answered instanceof OutputFormat f ? f.name().toLowerCase(java.util.Locale.ROOT)
                    : answered instanceof String name ? name : "none";
            Timer.builder("imgorigin.requests")
                    .description("Image requests, by outcome")
                    .tag("outcome", outcome(status))
                    .tag("status", Integer.toString(status))
                    .tag("format", format)
                    .tag("jpeg_path", jpegPath)
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(nanos, TimeUnit.NANOSECONDS);
            if (log.isInfoEnabled()) {
                String length = response.getHeader("Content-Length");
                log.info("method={} path=\"{}\" query=\"{}\" status={} format={} bytes={} ms={}",
                        request.getMethod(), quoted(request.getRequestURI()), quoted(request.getQueryString()), status,
                        format, length == null ? 0 : length, TimeUnit.NANOSECONDS.toMillis(nanos));
            }
        }
    }

    private static String outcome(int status) {
        if (status < 300) {
            return "success";
        }
        if (status < 400) {
            return "not_modified";
        }
        return status < 500 ? "client_error" : "server_error";
    }

    private static String quoted(String value) {
        if (value == null) {
            return "";
        }
        String cut = value.length() > 300 ? value.substring(0, 300) : value;
        return cut.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
