package io.imgorigin.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PreconditionsTest {

    private static final Instant MODIFIED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void ifNoneMatchUsesWeakComparisonAndLists() {
        assertThat(Preconditions.of("\"a\"", null).notModified("\"a\"", MODIFIED)).isTrue();
        assertThat(Preconditions.of("W/\"a\"", null).notModified("\"a\"", MODIFIED)).isTrue();
        assertThat(Preconditions.of("\"x\", \"a\"", null).notModified("\"a\"", MODIFIED)).isTrue();
        assertThat(Preconditions.of("*", null).notModified("\"a\"", MODIFIED)).isTrue();
        assertThat(Preconditions.of("\"b\"", null).notModified("\"a\"", MODIFIED)).isFalse();
    }

    @Test
    void ifNoneMatchWinsOverIfModifiedSince() {
        assertThat(Preconditions.of("\"b\"", MODIFIED.plusSeconds(60)).notModified("\"a\"", MODIFIED)).isFalse();
    }

    @Test
    void ifModifiedSinceComparesToTheSecond() {
        assertThat(Preconditions.of(null, MODIFIED).notModified("\"a\"", MODIFIED)).isTrue();
        assertThat(Preconditions.of(null, MODIFIED.plusSeconds(1)).notModified("\"a\"", MODIFIED)).isTrue();
        assertThat(Preconditions.of(null, MODIFIED.minusSeconds(1)).notModified("\"a\"", MODIFIED)).isFalse();
    }

    @Test
    void absentHeadersNeverMatch() {
        assertThat(Preconditions.NONE.present()).isFalse();
        assertThat(Preconditions.NONE.notModified("\"a\"", MODIFIED)).isFalse();
    }
}
