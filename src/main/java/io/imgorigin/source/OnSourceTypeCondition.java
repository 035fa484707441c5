package io.imgorigin.source;

import io.imgorigin.source.SourceProperties.SourceType;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Binds the source type the same way {@link SourceProperties} does, so that every spelling the
 * properties accept ({@code s3}, {@code S3}, an environment variable) selects the same beans.
 */
class OnSourceTypeCondition extends SpringBootCondition {

    static final String PROPERTY = "imgorigin.source.type";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnSourceType.class.getName());
        SourceType wanted = (SourceType) attributes.get("value");
        SourceType configured = Binder.get(context.getEnvironment())
                .bind(PROPERTY, SourceType.class)
                .orElse(SourceType.FILESYSTEM);
        String message = PROPERTY + " is " + configured;
        return configured == wanted ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
    }
}
