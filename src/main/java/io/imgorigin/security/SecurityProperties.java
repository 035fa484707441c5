package io.imgorigin.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code imgorigin.security.*}: URL signing keys; none means signing is off. */
@ConfigurationProperties("imgorigin.security")
public record SecurityProperties(@DefaultValue("") List<String> signingKeys) {

    public List<String> activeKeys() {
        return signingKeys.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
    }
}
