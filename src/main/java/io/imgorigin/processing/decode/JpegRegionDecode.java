package io.imgorigin.processing.decode;

import java.awt.Dimension;

import io.imgorigin.codec.turbojpeg.JpegCropper;
import io.imgorigin.processing.pipeline.EditPlan;
import io.imgorigin.processing.pipeline.PixelBuffer;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.Region;
import io.imgorigin.processing.pipeline.ResizePlan;

/**
 * A {@code crop} of a JPEG decoded from little more than the region: the upright region is mapped to stored
 * pixels, libjpeg-turbo's lossless transform cuts the iMCU-aligned blocks around it into a small JPEG, that
 * is decoded at the DCT scale shrink-on-load would choose for the region, and the region itself is cut out.
 * The scale is lowered until every edge of the region falls on a whole decoded pixel, so the result is the
 * region exactly, with no partial pixel for a later turn or mirror to move.
 */
final class JpegRegionDecode {

    private static final int LARGEST_HALVING = 8;

    private JpegRegionDecode() {
    }

    /**
     * Decodes the plan's crop into the context and takes it off the plan; false, with the context untouched,
     * where this path does not apply (no crop, a trim first, libturbojpeg missing, a JPEG it does not take).
     */
    static boolean decode(ImageIoDecoder decoder, ProcessingContext context) {
        ResizePlan plan = context.plan();
        EditPlan edits = plan.edits();
        if (edits.crop() == null || edits.trim() != null || !JpegCropper.available()) {
            return false;
        }
        Region stored = toStored(edits.crop(), context.orientation(), context.storedWidth(), context.storedHeight());
        JpegCropper.Cropped cropped;
        try {
            cropped = JpegCropper.crop(context.source(), stored.x(), stored.y(), stored.width(), stored.height());
        } catch (IllegalArgumentException e) {
            // The header libjpeg-turbo reads disagrees with the probe's; the ordinary path decides.
            return false;
        }
        if (cropped == null) {
            return false;
        }
        int halving = halving(stored, scaledInStored(plan, context.transposed()));
        ImageIoDecoder.Decoded decoded = decoder.decode(cropped.jpeg(),
                ShrinkOnLoad.halvedBy(new Dimension(cropped.width(), cropped.height()), halving),
                io.imgorigin.processing.pipeline.SourceFormat.JPEG);
        int width = decoded.image().getWidth();
        int height = decoded.image().getHeight();
        int scale = cropped.width() / width;
        if (scale < 1 || scale * width != cropped.width() || scale * height != cropped.height()
                || stored.x() % scale != 0 || stored.y() % scale != 0) {
            return false;
        }
        PixelBuffer pixels = PixelBuffer.of(decoded.image());
        context.image(pixels.crop((stored.x() - cropped.x()) / scale, (stored.y() - cropped.y()) / scale,
                stored.width() / scale, stored.height() / scale).toImage());
        context.extent(null);
        context.decoder(decoded.decoder());
        context.plan(plan.withEdits(edits.withoutCrop()));
        return true;
    }

    /**
     * The DCT scale shrink-on-load would choose for the region, halved until it divides every edge of the
     * region (so that the cut falls on whole decoded pixels).
     */
    static int halving(Region stored, Dimension scaled) {
        int halving = Math.min(LARGEST_HALVING,
                new ShrinkOnLoad(new Dimension(stored.width(), stored.height()), scaled).largestHalving());
        while (halving > 1 && (stored.x() % halving != 0 || stored.y() % halving != 0
                || stored.width() % halving != 0 || stored.height() % halving != 0)) {
            halving /= 2;
        }
        return halving;
    }

    /** The scaled size in stored orientation: EXIF transposition and a quarter turn of rot each swap it. */
    private static Dimension scaledInStored(ResizePlan plan, boolean transposed) {
        boolean swapped = transposed != plan.edits().swapsSides();
        return swapped ? new Dimension(plan.scaledHeight(), plan.scaledWidth())
                : new Dimension(plan.scaledWidth(), plan.scaledHeight());
    }

    /**
     * The stored pixels of an upright region, for EXIF orientation 1..8 of a {@code width}×{@code height}
     * stored image: each upright corner mapped back to where OrientStep takes it from.
     */
    static Region toStored(Region upright, int orientation, int width, int height) {
        int[] a = storedPoint(upright.x(), upright.y(), orientation, width, height);
        int[] b = storedPoint(upright.x() + upright.width() - 1, upright.y() + upright.height() - 1, orientation,
                width, height);
        int x = Math.min(a[0], b[0]);
        int y = Math.min(a[1], b[1]);
        return new Region(x, y, Math.abs(a[0] - b[0]) + 1, Math.abs(a[1] - b[1]) + 1);
    }

    private static int[] storedPoint(int u, int v, int orientation, int w, int h) {
        return switch (orientation) {
            case 2 -> new int[] {w - 1 - u, v};
            case 3 -> new int[] {w - 1 - u, h - 1 - v};
            case 4 -> new int[] {u, h - 1 - v};
            case 5 -> new int[] {v, u};
            case 6 -> new int[] {v, h - 1 - u};
            case 7 -> new int[] {w - 1 - v, h - 1 - u};
            case 8 -> new int[] {w - 1 - v, u};
            default -> new int[] {u, v};
        };
    }
}
