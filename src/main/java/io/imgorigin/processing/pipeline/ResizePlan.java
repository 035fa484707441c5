package io.imgorigin.processing.pipeline;

/**
 * How an upright source of {@code sourceWidth}×{@code sourceHeight} becomes the output: scale (possibly
 * stretching) to {@code scaledWidth}×{@code scaledHeight}, then either crop ({@link Finish#CROP}) or pad
 * ({@link Finish#PAD}) to {@code outputWidth}×{@code outputHeight}, or keep the scaled image as it is
 * ({@link Finish#NONE}, where output equals scaled).
 */
public record ResizePlan(
        int sourceWidth, int sourceHeight,
        int scaledWidth, int scaledHeight,
        int outputWidth, int outputHeight,
        Finish finish) {

    public enum Finish { NONE, CROP, PAD }

    public boolean resizes() {
        return scaledWidth != sourceWidth || scaledHeight != sourceHeight;
    }
}
