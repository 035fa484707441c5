package io.imgorigin.options;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad preset into Spring Boot's start-failure report: what is wrong, and where to fix it. */
public class InvalidPresetFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPresetException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidPresetException cause) {
        return new FailureAnalysis("A preset is not valid: " + cause.getMessage(),
                "Fix or remove imgorigin.presets." + cause.preset() + " (an option string such as "
                        + "w=400&h=300&fit=cover, without preset, info or s).", cause);
    }
}
