package io.imgorigin.options;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code imgorigin.presets.<name>} and {@code imgorigin.presets-only} (SPEC section 2.3): named option
 * strings such as {@code w=400&h=300&fit=cover}, checked when the service starts, and whether requests may
 * carry nothing but {@code preset} and {@code s}. Both sit directly under {@code imgorigin}, so this record
 * binds there and reads only these two keys.
 */
@ConfigurationProperties("imgorigin")
public record PresetsProperties(@DefaultValue Map<String, String> presets, @DefaultValue("false") boolean presetsOnly) {
}
