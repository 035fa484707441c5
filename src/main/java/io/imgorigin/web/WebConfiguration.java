package io.imgorigin.web;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.imgorigin.processing.ProcessingEngine;
import io.micrometer.core.instrument.MeterRegistry;

/** The HTTP side: headers, problems for every error path, request metrics and logs. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    ProblemMapping problemMapping() {
        return new ProblemMapping();
    }

    @Bean
    ProblemWriter problemWriter(CacheProperties cache) {
        return new ProblemWriter(cache.errorMaxAge());
    }

    @Bean
    ImageHeaders imageHeaders(CacheProperties cache) {
        return new ImageHeaders(cache.control());
    }

    @Bean
    TomcatErrorPages tomcatErrorPages(ProblemMapping mapping, ProblemWriter writer) {
        return new TomcatErrorPages(() -> new JsonErrorReportValve(mapping, writer));
    }

    @Bean
    FilterRegistrationBean<RequestObservationFilter> requestObservationFilter(MeterRegistry registry,
            ProcessingEngine engine) {
        FilterRegistrationBean<RequestObservationFilter> registration =
                new FilterRegistrationBean<>(new RequestObservationFilter(registry, engine.jpegPath()));
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
