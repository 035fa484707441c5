package io.imgorigin.processing.edits;

import io.imgorigin.processing.pipeline.PixelBuffer;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;
import io.imgorigin.processing.pipeline.Region;
import io.imgorigin.processing.pipeline.ResizePlan;
import io.imgorigin.processing.probe.Geometry;

/**
 * {@code trim}: cuts away the border of the top-left pixel's colour, a pixel belonging to it when no channel
 * (alpha included where the image has it) differs by more than the threshold. What is left is a new source
 * size, so the geometry is planned again from it. An image that is all border is kept whole. The frames of an
 * animation must keep one size, so {@link #forFrames} finds the border on the first frame and cuts the same
 * region from every frame.
 */
public final class TrimStep implements ProcessingStep {

    private final Geometry geometry;
    private final boolean once;
    /** The region the first frame gave, for an animation's trim; null until then or for a still image. */
    private Region firstFrame;
    private boolean decided;

    public TrimStep(Geometry geometry) {
        this(geometry, false);
    }

    private TrimStep(Geometry geometry, boolean once) {
        this.geometry = geometry;
        this.once = once;
    }

    /** A trim for the frames of one animation (a new instance per animation). */
    public static TrimStep forFrames(Geometry geometry) {
        return new TrimStep(geometry, true);
    }

    @Override
    public String name() {
        return "trim";
    }

    @Override
    public void apply(ProcessingContext context) {
        ResizePlan plan = context.plan();
        Integer threshold = plan.edits().trim();
        if (threshold == null) {
            return;
        }
        PixelBuffer pixels = PixelBuffer.of(context.image());
        Region kept;
        if (once && decided) {
            kept = firstFrame;
        } else {
            kept = bounds(pixels, threshold);
            firstFrame = kept;
            decided = true;
        }
        if (kept != null && (kept.width() != pixels.width() || kept.height() != pixels.height())) {
            context.image(pixels.crop(kept.x(), kept.y(), kept.width(), kept.height()).toImage());
        }
        context.extent(null);
        context.plan(geometry.planTrimmed(context.image().getWidth(), context.image().getHeight(),
                context.request().options()));
    }

    /** The smallest region holding every pixel that differs from the top-left one, or null when none does. */
    static Region bounds(PixelBuffer pixels, int threshold) {
        int reference = pixels.data()[pixels.index(0, 0)];
        int alphaMask = pixels.alpha() ? 0xFF000000 : 0;
        int top = 0;
        while (top < pixels.height() && rowMatches(pixels, top, reference, threshold, alphaMask)) {
            top++;
        }
        if (top == pixels.height()) {
            return null;
        }
        int bottom = pixels.height() - 1;
        while (rowMatches(pixels, bottom, reference, threshold, alphaMask)) {
            bottom--;
        }
        int left = pixels.width();
        int right = -1;
        for (int y = top; y <= bottom; y++) {
            int start = pixels.index(0, y);
            for (int x = 0; x < left; x++) {
                if (!matches(pixels.data()[start + x], reference, threshold, alphaMask)) {
                    left = x;
                    break;
                }
            }
            for (int x = pixels.width() - 1; x > right; x--) {
                if (!matches(pixels.data()[start + x], reference, threshold, alphaMask)) {
                    right = x;
                    break;
                }
            }
        }
        return new Region(left, top, right - left + 1, bottom - top + 1);
    }

    private static boolean rowMatches(PixelBuffer pixels, int y, int reference, int threshold, int alphaMask) {
        int start = pixels.index(0, y);
        for (int x = 0; x < pixels.width(); x++) {
            if (!matches(pixels.data()[start + x], reference, threshold, alphaMask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(int pixel, int reference, int threshold, int alphaMask) {
        int ignored = ~alphaMask & 0xFF000000;
        int a = pixel | ignored;
        int b = reference | ignored;
        for (int shift = 0; shift < 32; shift += 8) {
            if (Math.abs((a >>> shift & 0xFF) - (b >>> shift & 0xFF)) > threshold) {
                return false;
            }
        }
        return true;
    }
}
