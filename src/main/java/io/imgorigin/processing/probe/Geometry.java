package io.imgorigin.processing.probe;

import io.imgorigin.processing.pipeline.EditPlan;
import io.imgorigin.processing.pipeline.Region;
import io.imgorigin.processing.pipeline.ResizePlan;
import io.imgorigin.processing.pipeline.UnusableImageException;

import io.imgorigin.options.Crop;
import io.imgorigin.options.Edits;
import io.imgorigin.options.Fit;
import io.imgorigin.options.ImageOptions;
import io.imgorigin.options.InvalidOptionException;
import io.imgorigin.options.Padding;

/**
 * SPEC section 2 "Geometry": from an upright source size and the options to a {@link ResizePlan}. The
 * edits come first: {@code crop} (clipped to the image), then {@code rot}, whose result is the W×H that
 * {@code w}, {@code h} and {@code fit} see; {@code pad} adds its margins to the output. Where {@code trim}
 * is asked for, the plan is provisional until the trim step plans again with {@link #planTrimmed}.
 */
public final class Geometry {

    private final int maxOutputDimension;

    public Geometry(int maxOutputDimension) {
        this.maxOutputDimension = maxOutputDimension;
    }

    /** The plan for an upright source of this size, every edit still to do. */
    public ResizePlan plan(int sourceWidth, int sourceHeight, ImageOptions options) {
        return plan(sourceWidth, sourceHeight, options, options.edits().trim());
    }

    /** The plan for the image the trim step left, of this size: the other edits still to do. */
    public ResizePlan planTrimmed(int trimmedWidth, int trimmedHeight, ImageOptions options) {
        return plan(trimmedWidth, trimmedHeight, options, null);
    }

    private ResizePlan plan(int sourceWidth, int sourceHeight, ImageOptions options, Integer trim) {
        Edits edits = options.edits();
        Region crop = edits.crop() == null ? null : clip(edits.crop(), sourceWidth, sourceHeight);
        int width = crop == null ? sourceWidth : crop.width();
        int height = crop == null ? sourceHeight : crop.height();
        EditPlan editPlan = new EditPlan(trim, crop, edits.rotation(), edits.flip() != null && edits.flip().horizontal(),
                edits.flip() != null && edits.flip().vertical());
        if (editPlan.swapsSides()) {
            int swap = width;
            width = height;
            height = swap;
        }
        Padding pad = options.targetPadding();
        ResizePlan resize = resize(width, height, options);
        ResizePlan plan = new ResizePlan(resize.sourceWidth(), resize.sourceHeight(), resize.scaledWidth(),
                resize.scaledHeight(), resize.outputWidth(), resize.outputHeight(), resize.finish(), editPlan, pad);
        if (!pad.isNone() && (plan.paddedWidth() > maxOutputDimension || plan.paddedHeight() > maxOutputDimension)) {
            throw new InvalidOptionException("pad", "with 'pad' the output would be " + plan.paddedWidth() + "×"
                    + plan.paddedHeight() + " pixels; each side may be at most " + maxOutputDimension);
        }
        return plan;
    }

    /** The part of the crop region inside the image; a region wholly outside it cannot be served (422). */
    static Region clip(Crop crop, int width, int height) {
        if (crop.x() >= width || crop.y() >= height) {
            throw new UnusableImageException("crop=" + crop.x() + "," + crop.y() + "," + crop.width() + ","
                    + crop.height() + " lies wholly outside the " + width + "×" + height + " image");
        }
        long right = Math.min(width, (long) crop.x() + crop.width());
        long bottom = Math.min(height, (long) crop.y() + crop.height());
        return new Region(crop.x(), crop.y(), (int) (right - crop.x()), (int) (bottom - crop.y()));
    }

    private ResizePlan resize(int sourceWidth, int sourceHeight, ImageOptions options) {
        Integer tw = options.targetWidth();
        Integer th = options.targetHeight();
        long w = sourceWidth;
        long h = sourceHeight;
        if (tw == null && th == null) {
            return keep(sourceWidth, sourceHeight, sourceWidth, sourceHeight);
        }
        if (tw == null || th == null) {
            return singleSide(sourceWidth, sourceHeight, tw, th, options.enlarge());
        }
        Fit fit = options.fit();
        if (fit == Fit.INSIDE) {
            double scale = Math.min((double) tw / w, (double) th / h);
            if (!options.enlarge()) {
                scale = Math.min(scale, 1.0);
            }
            return keep(sourceWidth, sourceHeight, side(w * scale), side(h * scale));
        }
        double boxWidth = tw;
        double boxHeight = th;
        if (!options.enlarge()) {
            double shrink = Math.min(1.0, Math.min(w / boxWidth, h / boxHeight));
            boxWidth = side(boxWidth * shrink);
            boxHeight = side(boxHeight * shrink);
        }
        int bw = (int) boxWidth;
        int bh = (int) boxHeight;
        return switch (fit) {
            case FILL -> keep(sourceWidth, sourceHeight, bw, bh);
            case COVER -> {
                double scale = Math.max(bw / (double) w, bh / (double) h);
                int sw = Math.max(bw, side(w * scale));
                int sh = Math.max(bh, side(h * scale));
                yield new ResizePlan(sourceWidth, sourceHeight, sw, sh, bw, bh,
                        sw == bw && sh == bh ? ResizePlan.Finish.NONE : ResizePlan.Finish.CROP);
            }
            case CONTAIN -> {
                double scale = Math.min(bw / (double) w, bh / (double) h);
                int sw = Math.min(bw, side(w * scale));
                int sh = Math.min(bh, side(h * scale));
                yield new ResizePlan(sourceWidth, sourceHeight, sw, sh, bw, bh,
                        sw == bw && sh == bh ? ResizePlan.Finish.NONE : ResizePlan.Finish.PAD);
            }
            case INSIDE -> throw new IllegalStateException("handled above");
        };
    }

    private ResizePlan singleSide(int sourceWidth, int sourceHeight, Integer tw, Integer th, boolean enlarge) {
        if (tw != null) {
            if (!enlarge && tw > sourceWidth) {
                return keep(sourceWidth, sourceHeight, sourceWidth, sourceHeight);
            }
            return keep(sourceWidth, sourceHeight, tw, side((double) sourceHeight * tw / sourceWidth));
        }
        if (!enlarge && th > sourceHeight) {
            return keep(sourceWidth, sourceHeight, sourceWidth, sourceHeight);
        }
        return keep(sourceWidth, sourceHeight, side((double) sourceWidth * th / sourceHeight), th);
    }

    /**
     * Only an enlarged side can pass the output limit here: the requested sides were checked when the
     * options were parsed, and a side that is not enlarged is no larger than the (pixel-limited) source.
     */
    private ResizePlan keep(int sourceWidth, int sourceHeight, int width, int height) {
        boolean tooWide = width > maxOutputDimension && width > sourceWidth;
        boolean tooTall = height > maxOutputDimension && height > sourceHeight;
        if (tooWide || tooTall) {
            String option = tooWide ? "w" : "h";
            throw new InvalidOptionException(option, "the output would be " + width + "×" + height
                    + " pixels for this " + sourceWidth + "×" + sourceHeight + " source; each side may be at most "
                    + maxOutputDimension);
        }
        return new ResizePlan(sourceWidth, sourceHeight, width, height, width, height, ResizePlan.Finish.NONE);
    }

    /** Rounds half up and never returns less than one pixel. */
    static int side(double exact) {
        long rounded = (long) Math.floor(exact + 0.5);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, rounded));
    }
}
