package io.imgorigin.source;

import io.imgorigin.source.SourceProperties.SourceType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/** Matches when {@code imgorigin.source.type} binds to the given type (filesystem when unset). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnSourceTypeCondition.class)
@interface ConditionalOnSourceType {

    SourceType value();
}
