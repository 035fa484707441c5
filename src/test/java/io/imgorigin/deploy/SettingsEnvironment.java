package io.imgorigin.deploy;

import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.imgorigin.config.ImgoriginProperties;

/**
 * The environment variables that configure imgorigin, derived from {@link ImgoriginProperties}
 * itself, and Spring's own binding of a set of variables onto it, so deployment files are checked
 * against what the application really reads.
 */
final class SettingsEnvironment {

    private SettingsEnvironment() {
    }

    /** One variable per leaf setting: IMGORIGIN_SOURCE_S3_PATHSTYLE for imgorigin.source.s3.path-style. */
    static Set<String> variableNames() {
        Set<String> names = new TreeSet<>();
        collect(ImgoriginProperties.class, "IMGORIGIN", names);
        return names;
    }

    /** Binds the variables the way the running service does (relaxed binding of the OS environment). */
    static ImgoriginProperties bind(Map<String, String> variables) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, (Map) Map.copyOf(variables));
        return new Binder(ConfigurationPropertySource.from(source))
                .bindOrCreate("imgorigin", ImgoriginProperties.class);
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
