package io.imgorigin.options;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The parser every image request's query goes through first. */
@Configuration(proxyBeanMethods = false)
public class OptionsConfiguration {

    @Bean
    OptionsParser optionsParser(LimitsProperties limits, FormatProperties format) {
        return new OptionsParser(limits.maxOutputDimension(), format.defaultQuality());
    }
}
