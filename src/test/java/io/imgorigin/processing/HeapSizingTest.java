package io.imgorigin.processing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapSizingTest {

    @Test
    void aHeapBelowItsMaximumCanShrinkAndSaysHowToFixIt() {
        HeapSizing sizing = new HeapSizing(384L << 20, 1024L << 20);

        assertThat(sizing.canShrink()).isTrue();
        assertThat(sizing.advice()).contains("384 MB", "1024 MB", "-Xms", "InitialRAMPercentage");
    }

    @Test
    void aFixedOrUnknownHeapCannot() {
        assertThat(new HeapSizing(1024L << 20, 1024L << 20).canShrink()).isFalse();
        assertThat(new HeapSizing(-1, 1024L << 20).canShrink()).isFalse();
        assertThat(new HeapSizing(1024L << 20, -1).canShrink()).isFalse();
    }

    @Test
    void readsTheRunningHeap() {
        HeapSizing current = HeapSizing.current();

        assertThat(current.maxBytes()).isPositive();
        assertThat(current.initialBytes()).isLessThanOrEqualTo(current.maxBytes());
    }
}
