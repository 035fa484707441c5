package io.imgorigin.deploy;

import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.imgorigin.options.FormatProperties;
import io.imgorigin.options.LimitsProperties;
import io.imgorigin.processing.ProcessingProperties;
import io.imgorigin.security.SecurityProperties;
import io.imgorigin.source.SourceProperties;
import io.imgorigin.web.CacheProperties;

/**
 * The environment variables that configure imgorigin, derived from its properties records
 * themselves, and Spring's own binding of a set of variables onto it, so deployment files are checked
 * against what the application really reads.
 */
final class SettingsEnvironment {

    /** Every {@code imgorigin.*} properties record, named by its prefix's last part. */
    record Settings(@DefaultValue SourceProperties source, @DefaultValue LimitsProperties limits,
            @DefaultValue FormatProperties format, @DefaultValue CacheProperties cache,
            @DefaultValue SecurityProperties security, @DefaultValue ProcessingProperties processing) {
    }

    private SettingsEnvironment() {
    }

    /** One variable per leaf setting: IMGORIGIN_SOURCE_S3_PATHSTYLE for imgorigin.source.s3.path-style. */
    static Set<String> variableNames() {
        Set<String> names = new TreeSet<>();
        collect(Settings.class, "IMGORIGIN", names);
        return names;
    }

    /** Binds the variables the way the running service does (relaxed binding of the OS environment). */
    static Settings bind(Map<String, String> variables) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, (Map) Map.copyOf(variables));
        return new Binder(ConfigurationPropertySource.from(source))
                .bindOrCreate("imgorigin", Settings.class);
    }

    private static void collect(Class<?> type, String prefix, Set<String> names) {
        for (RecordComponent component : type.getRecordComponents()) {
            // Upper-casing the camelCase name is exactly the kebab-case property without its dashes.
            String name = prefix + "_" + component.getName().toUpperCase(Locale.ROOT);
            if (component.getType().isRecord()) {
                collect(component.getType(), name, names);
            } else {
                names.add(name);
            }
        }
    }
}
