package io.imgorigin.processing.watermark;

import java.awt.image.BufferedImage;

import io.imgorigin.options.WatermarkOptions;
import io.imgorigin.options.WatermarkPosition;
import io.imgorigin.processing.pipeline.PixelBuffer;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;
import io.imgorigin.processing.pipeline.Watermark;
import io.imgorigin.processing.resize.Resizer;

/**
 * {@code wm}: draws the configured watermark over the output, after padding and before JPEG flattening
 * (SPEC section 2's order), at the option's opacity, position, offsets and scale. The watermark keeps its
 * own size unless a scale is given (a fraction of the output's width); either way it is shrunk, aspect kept,
 * to fit the output. For a compass position the offsets move it inwards from the edges it is anchored to
 * (rightwards and downwards from the centre); for {@code tile} copies are laid from the top-left corner
 * with the offsets as the gaps between them.
 */
public final class WatermarkStep implements ProcessingStep {

    /**
     * The largest watermark accepted, in pixels (2048×2048): it is kept decoded for as long as it is
     * current, and a larger one would only be shrunk for every request.
     */
    public static final long MAX_PIXELS = 2048L * 2048;

    private final Resizer resizer;

    public WatermarkStep(Resizer resizer) {
        this.resizer = resizer;
    }

    @Override
    public String name() {
        return "watermark";
    }

    @Override
    public void apply(ProcessingContext context) {
        WatermarkOptions options = context.request().options().watermark();
        if (options == null) {
            return;
        }
        Watermark watermark = context.request().watermark();
        if (watermark == null) {
            throw new IllegalStateException("the request asks for a watermark but none was handed to the pipeline");
        }
        PixelBuffer canvas = compactCopy(PixelBuffer.of(context.image()));
        PixelBuffer mark = PixelBuffer.of(sized(watermark.image(), options, canvas.width(), canvas.height()));
        int opacity = options.opacity().multiply(java.math.BigDecimal.valueOf(255))
                .setScale(0, java.math.RoundingMode.HALF_UP).intValue();
        if (opacity > 0) {
            if (options.position() == WatermarkPosition.TILE) {
                int stepX = mark.width() + options.offsetX();
                int stepY = mark.height() + options.offsetY();
                for (int y = 0; y < canvas.height(); y += stepY) {
                    for (int x = 0; x < canvas.width(); x += stepX) {
                        draw(canvas, mark, x, y, opacity);
                    }
                }
            } else {
                draw(canvas, mark, place(options.position().x(), canvas.width(), mark.width(), options.offsetX()),
                        place(options.position().y(), canvas.height(), mark.height(), options.offsetY()), opacity);
            }
        }
        context.image(canvas.toImage());
    }

    /** The watermark at the size it is drawn: scaled to a fraction of the output's width, shrunk to fit. */
    private BufferedImage sized(BufferedImage mark, WatermarkOptions options, int outputWidth, int outputHeight) {
        double width = mark.getWidth();
        double height = mark.getHeight();
        if (options.scale().signum() > 0) {
            double wanted = options.scale().doubleValue() * outputWidth;
            height = height * wanted / width;
            width = wanted;
        }
        double fit = Math.min(1, Math.min(outputWidth / width, outputHeight / height));
        int w = Math.max(1, (int) Math.floor(width * fit + 0.5));
        int h = Math.max(1, (int) Math.floor(height * fit + 0.5));
        return w == mark.getWidth() && h == mark.getHeight() ? mark : resizer.resize(mark, w, h);
    }

    /** Where a side of {@code size} starts on an axis of {@code length}, for an anchor of 0, 0.5 or 1. */
    static int place(double anchor, int length, int size, int offset) {
        if (anchor == 0) {
            return offset;
        }
        if (anchor == 1) {
            return length - size - offset;
        }
        return Math.floorDiv(length - size, 2) + offset;
    }

    /** Composites {@code mark} with its alpha times {@code opacity}/255 over the canvas at (x, y), clipped. */
    private static void draw(PixelBuffer canvas, PixelBuffer mark, int x, int y, int opacity) {
        int fromX = Math.max(0, -x);
        int fromY = Math.max(0, -y);
        int toX = Math.min(mark.width(), canvas.width() - x);
        int toY = Math.min(mark.height(), canvas.height() - y);
        int[] out = canvas.data();
        int[] in = mark.data();
        boolean canvasAlpha = canvas.alpha();
        for (int row = fromY; row < toY; row++) {
            int source = mark.index(0, row);
            int target = canvas.index(x, y + row);
            for (int column = fromX; column < toX; column++) {
                int pixel = in[source + column];
                int alpha = div255((pixel >>> 24) * opacity);
                if (alpha == 0) {
                    continue;
                }
                int i = target + column;
                out[i] = canvasAlpha ? overTranslucent(pixel, alpha, out[i]) : overOpaque(pixel, alpha, out[i]);
            }
        }
    }

    private static int overOpaque(int pixel, int alpha, int below) {
        int inverse = 255 - alpha;
        return 0xFF000000
                | div255((pixel >> 16 & 0xFF) * alpha + (below >> 16 & 0xFF) * inverse) << 16
                | div255((pixel >> 8 & 0xFF) * alpha + (below >> 8 & 0xFF) * inverse) << 8
                | div255((pixel & 0xFF) * alpha + (below & 0xFF) * inverse);
    }

    /** Porter-Duff "over" on straight (not premultiplied) alpha. */
    private static int overTranslucent(int pixel, int alpha, int below) {
        int belowAlpha = below >>> 24;
        int belowShare = div255(belowAlpha * (255 - alpha));
        int outAlpha = alpha + belowShare;
        if (outAlpha == 0) {
            return 0;
        }
        int half = outAlpha / 2;
        int r = ((pixel >> 16 & 0xFF) * alpha + (below >> 16 & 0xFF) * belowShare + half) / outAlpha;
        int g = ((pixel >> 8 & 0xFF) * alpha + (below >> 8 & 0xFF) * belowShare + half) / outAlpha;
        int b = ((pixel & 0xFF) * alpha + (below & 0xFF) * belowShare + half) / outAlpha;
        return outAlpha << 24 | r << 16 | g << 8 | b;
    }

    /** x/255 rounded, for x in 0..255·255. */
    private static int div255(int x) {
        int t = x + 128;
        return (t + (t >> 8)) >> 8;
    }

    private static PixelBuffer compactCopy(PixelBuffer image) {
        PixelBuffer copy = PixelBuffer.allocate(image.width(), image.height(), image.alpha());
        for (int y = 0; y < image.height(); y++) {
            System.arraycopy(image.data(), image.index(0, y), copy.data(), y * image.width(), image.width());
        }
        return copy;
    }
}
