package io.imgorigin.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** URL signing, on when {@code imgorigin.security.signing-keys} holds a key. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SignatureVerifier signatureVerifier(SecurityProperties properties) {
        SignatureVerifier verifier = new SignatureVerifier(properties.activeKeys());
        log.info("URL signing is {}", verifier.enabled() ? "on" : "off");
        return verifier;
    }
}
