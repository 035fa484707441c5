package io.imgorigin.deploy;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.imgorigin.options.FormatProperties;
import io.imgorigin.options.LimitsProperties;
import io.imgorigin.options.PresetsProperties;
import io.imgorigin.processing.ProcessingProperties;
import io.imgorigin.security.SecurityProperties;
import io.imgorigin.serving.watermark.WatermarkProperties;
import io.imgorigin.source.SourceProperties;
import io.imgorigin.web.CacheProperties;

/**
 * The environment variables that configure imgorigin, derived from its properties records
 * themselves, and Spring's own binding of a set of variables onto it, so deployment files are checked
 * against what the application really reads.
 *
 * <p>A map-typed setting ({@code imgorigin.presets.<name>}) has keys the operator chooses, which an
 * environment variable's name cannot carry exactly: relaxed binding lower-cases them and turns {@code _} into
 * a dot, so {@code IMGORIGIN_PRESETS_MY_THUMB} would define {@code my.thumb}. Such settings travel in
 * {@value #APPLICATION_JSON} instead ({@code {"imgorigin":{"presets":{"my_thumb":"w=200"}}}}), which Spring
 * Boot reads as properties and which keeps every name as written.
 */
final class SettingsEnvironment {

    static final String APPLICATION_JSON = "SPRING_APPLICATION_JSON";

    /**
     * Every {@code imgorigin.*} properties record, named by its prefix's last part; a record bound at
     * {@code imgorigin} itself (one of {@link #ROOT_RECORDS}) has its components here directly.
     */
    record Settings(@DefaultValue SourceProperties source, @DefaultValue LimitsProperties limits,
            @DefaultValue FormatProperties format, @DefaultValue CacheProperties cache,
            @DefaultValue SecurityProperties security, @DefaultValue ProcessingProperties processing,
            @DefaultValue WatermarkProperties watermark,
            @DefaultValue Map<String, String> presets, @DefaultValue("false") boolean presetsOnly) {

        PresetsProperties presetsProperties() {
            return new PresetsProperties(presets, presetsOnly);
        }
    }

    /** The properties records bound at {@code imgorigin} itself, whose components are spread into Settings. */
    static final List<Class<? extends Record>> ROOT_RECORDS = List.of(PresetsProperties.class);

    private SettingsEnvironment() {
    }

    /**
     * One variable per leaf setting (IMGORIGIN_SOURCE_S3_PATHSTYLE for imgorigin.source.s3.path-style), and
     * {@value #APPLICATION_JSON} for the map-typed ones.
     */
    static Set<String> variableNames() {
        Set<String> names = new TreeSet<>();
        collect(Settings.class, "IMGORIGIN", names);
        return names;
    }

    /**
     * Binds the variables the way the running service does: relaxed binding of the OS environment, with
     * {@value #APPLICATION_JSON} read as Spring Boot reads it at start.
     */
    static Settings bind(Map<String, String> variables) {
        ConfigurableEnvironment environment = new AbstractEnvironment() {
        };
        @SuppressWarnings({"unchecked", "rawtypes"})
        SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, (Map) Map.copyOf(variables));
        environment.getPropertySources().addFirst(source);
        new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        return Binder.get(environment).bindOrCreate("imgorigin", Settings.class);
    }

    private static void collect(Class<?> type, String prefix, Set<String> names) {
        for (RecordComponent component : type.getRecordComponents()) {
            // Upper-casing the camelCase name is exactly the kebab-case property without its dashes.
            String name = prefix + "_" + component.getName().toUpperCase(Locale.ROOT);
            if (component.getType().isRecord()) {
                collect(component.getType(), name, names);
            } else if (Map.class.isAssignableFrom(component.getType())) {
                names.add(APPLICATION_JSON);
            } else {
                names.add(name);
            }
        }
    }
}
