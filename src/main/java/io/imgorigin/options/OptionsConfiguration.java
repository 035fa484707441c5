package io.imgorigin.options;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parser every image request's query goes through first. Building it checks every preset, so a bad
 * one stops the start (see {@link InvalidPresetFailureAnalyzer}).
 */
@Configuration(proxyBeanMethods = false)
public class OptionsConfiguration {

    @Bean
    OptionsParser optionsParser(LimitsProperties limits, FormatProperties format, PresetsProperties presets) {
        return new OptionsParser(new OptionsParser.Settings(limits.maxOutputDimension(), format.defaults(),
                presets.presets(), presets.presetsOnly(), limits.allowedWidths(), limits.allowedHeights()));
    }
}
