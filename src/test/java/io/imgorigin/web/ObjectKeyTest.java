package io.imgorigin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.imgorigin.options.InvalidOptionException;

class ObjectKeyTest {

    @Test
    void decodesOnceAndKeepsSlashes() {
        assertThat(ObjectKey.fromRawPath("/photos/2024/cat.jpg")).isEqualTo("photos/2024/cat.jpg");
        assertThat(ObjectKey.fromRawPath("/a%20b/c%2Fd.jpg")).isEqualTo("a b/c/d.jpg");
        assertThat(ObjectKey.fromRawPath("/%2541.jpg")).isEqualTo("%41.jpg");
        assertThat(ObjectKey.fromRawPath("/caf%C3%A9.png")).isEqualTo("café.png");
        assertThat(ObjectKey.fromRawPath("/a..b/.hidden")).isEqualTo("a..b/.hidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "", "/..", "/a/../b", "/./a", "/a/.", "/%2e%2e/etc/passwd", "/a%2F..%2Fb",
            "/a%00b", "/a%0Ab", "/a%7Fb", "/%zz", "/a%2", "/%C3%28", "/a%C2%85b"})
    void refusesBadKeys(String raw) {
        assertThatThrownBy(() -> ObjectKey.fromRawPath(raw)).isInstanceOf(InvalidOptionException.class);
    }

    @Test
    void limitsLengthInBytes() {
        assertThat(ObjectKey.fromRawPath("/" + "a".repeat(1024))).hasSize(1024);
        assertThatThrownBy(() -> ObjectKey.fromRawPath("/" + "a".repeat(1025))).hasMessageContaining("1024");
        assertThatThrownBy(() -> ObjectKey.fromRawPath("/" + "%C3%A9".repeat(513))).hasMessageContaining("1024");
    }
}
