package io.imgorigin.processing;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * The heap's initial and maximum size. Decoded images are large, short-lived arrays; a heap that starts
 * below its maximum is shrunk by G1 after its concurrent cycles (which large arrays set off often) and grown
 * again by the next images, and every regrowth faults fresh pages in; with {@code -Xms} equal to
 * {@code -Xmx} that cost goes.
 */
public record HeapSizing(long initialBytes, long maxBytes) {

    public static HeapSizing current() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new HeapSizing(heap.getInit(), heap.getMax());
    }

    /** Whether the heap can shrink below its maximum; unknown sizes (-1) count as fixed. */
    public boolean canShrink() {
        return initialBytes >= 0 && maxBytes >= 0 && initialBytes < maxBytes;
    }

    public String advice() {
        return "the heap starts at %d MB and may grow to %d MB; image work runs faster with the two equal (-Xms as -Xmx, or -XX:InitialRAMPercentage as -XX:MaxRAMPercentage; the container image sets both)"
                .formatted(initialBytes >> 20, maxBytes >> 20);
    }
}
