package io.imgorigin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgorigin.options.InvalidOptionException;

/** Lets tests outside this package check a raw path: a valid key, or a refusal naming the key. */
public final class ObjectKeyProbe {

    private ObjectKeyProbe() {
    }

    public static void check(String rawPath) {
        try {
            String key = ObjectKey.fromRawPath(rawPath);
            assertThat(key).as(rawPath).isNotEmpty();
            assertThat(key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(rawPath).isLessThanOrEqualTo(1024);
            assertThat(("/" + key + "/").contains("/../")).as(rawPath).isFalse();
            assertThat(("/" + key + "/").contains("/./")).as(rawPath).isFalse();
            assertThat(key.chars().noneMatch(c -> c < 0x20)).as(rawPath).isTrue();
        } catch (InvalidOptionException e) {
            assertThat(e.option()).isEqualTo("key");
        }
    }
}
