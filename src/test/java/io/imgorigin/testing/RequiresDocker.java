package io.imgorigin.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Skips the annotated test class (or method) with the reason "Docker is not available" when
 * Testcontainers finds no Docker engine, instead of failing it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ExtendWith(DockerAvailableCondition.class)
public @interface RequiresDocker {
}
