package io.imgorigin.processing.flatten;

import io.imgorigin.processing.pipeline.PixelBuffer;

import io.imgorigin.options.Rgba;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;

/**
 * JPEG has no alpha: an image with alpha is composited onto the {@code bg} colour (its alpha is
 * ignored). PNG and WebP keep the image as it is.
 */
public final class FlattenStep implements ProcessingStep {

    @Override
    public String name() {
        return "flatten";
    }

    @Override
    public void apply(ProcessingContext context) {
        PixelBuffer image = PixelBuffer.of(context.image());
        if (context.outputFormat() != OutputFormat.JPEG || !image.alpha()) {
            return;
        }
        Rgba background = context.request().options().background();
        PixelBuffer flat = PixelBuffer.allocate(image.width(), image.height(), false);
        for (int y = 0; y < image.height(); y++) {
            int from = image.index(0, y);
            int to = y * image.width();
            for (int x = 0; x < image.width(); x++) {
                flat.data()[to + x] = over(image.data()[from + x], background);
            }
        }
        context.image(flat.toImage());
        context.hasAlpha(false);
    }

    static int over(int argb, Rgba background) {
        int a = argb >>> 24;
        if (a == 255) {
            return argb;
        }
        int inverse = 255 - a;
        return 0xFF000000
                | blend(argb >> 16 & 0xFF, background.red(), a, inverse) << 16
                | blend(argb >> 8 & 0xFF, background.green(), a, inverse) << 8
                | blend(argb & 0xFF, background.blue(), a, inverse);
    }

    private static int blend(int colour, int backdrop, int a, int inverse) {
        int t = colour * a + backdrop * inverse + 128;
        return (t + (t >> 8)) >> 8;
    }
}
