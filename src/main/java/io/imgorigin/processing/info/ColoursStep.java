package io.imgorigin.processing.info;

import io.imgorigin.processing.pipeline.PixelBuffer;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;

/**
 * The colours an info request answers, from the small upright decode: it is averaged down to at most
 * {@value #SIDE} pixels a side (colour weighted by alpha), then
 * <ul>
 * <li>{@code dominantColor} is the mean of the most populous bin when the colours are sorted into 16 levels
 * per channel, each pixel counting by its alpha (transparent pixels do not count; a wholly transparent
 * image answers white);</li>
 * <li>{@code blurhash} is the BlurHash of 4×3 components of the image over white (BlurHash has no alpha),
 * with its mean colour chosen so that the decoded placeholder's mean colour is the image's
 * ({@link BlurHash#encodeAsSeen}).</li>
 * </ul>
 */
public final class ColoursStep implements ProcessingStep {

    static final int SIDE = 32;
    private static final int COMPONENTS_X = 4;
    private static final int COMPONENTS_Y = 3;
    private static final int WHITE = 0xFFFFFF;

    @Override
    public String name() {
        return "colours";
    }

    @Override
    public void apply(ProcessingContext context) {
        PixelBuffer image = PixelBuffer.of(context.image());
        PixelBuffer small = reduce(image, image.alpha() && context.hasAlpha());
        int[] overWhite = new int[small.width() * small.height()];
        for (int i = 0; i < overWhite.length; i++) {
            overWhite[i] = overWhite(small.data()[i]);
        }
        context.info(context.info().withColours(dominant(small.data()),
                BlurHash.encodeAsSeen(overWhite, small.width(), small.height(), COMPONENTS_X, COMPONENTS_Y)));
    }

    /**
     * The image averaged over a grid of at most {@value #SIDE}×{@value #SIDE} cells, aspect kept: each cell
     * the alpha-weighted mean colour of the pixels whose centres fall in it, with their mean alpha.
     */
    static PixelBuffer reduce(PixelBuffer image, boolean alpha) {
        int width = image.width();
        int height = image.height();
        double fit = Math.min(1, (double) SIDE / Math.max(width, height));
        int cellsX = Math.max(1, (int) Math.round(width * fit));
        int cellsY = Math.max(1, (int) Math.round(height * fit));
        long[] sums = new long[cellsX * cellsY * 5];
        for (int y = 0; y < height; y++) {
            int cellRow = (int) ((long) y * cellsY / height) * cellsX;
            int from = image.index(0, y);
            for (int x = 0; x < width; x++) {
                int pixel = image.data()[from + x];
                int a = alpha ? pixel >>> 24 : 255;
                int at = (cellRow + (int) ((long) x * cellsX / width)) * 5;
                sums[at] += (long) (pixel >> 16 & 0xFF) * a;
                sums[at + 1] += (long) (pixel >> 8 & 0xFF) * a;
                sums[at + 2] += (long) (pixel & 0xFF) * a;
                sums[at + 3] += a;
                sums[at + 4]++;
            }
        }
        PixelBuffer cells = PixelBuffer.allocate(cellsX, cellsY, true);
        for (int i = 0; i < cellsX * cellsY; i++) {
            long weight = sums[i * 5 + 3];
            long count = sums[i * 5 + 4];
            if (weight == 0) {
                cells.data()[i] = WHITE; // transparent
                continue;
            }
            int a = (int) ((weight + count / 2) / count);
            cells.data()[i] = a << 24 | mean(sums[i * 5], weight) << 16 | mean(sums[i * 5 + 1], weight) << 8
                    | mean(sums[i * 5 + 2], weight);
        }
        return cells;
    }

    /** The mean colour, by alpha, of the most populous bin of 16 levels per channel; white when all is clear. */
    static int dominant(int[] pixels) {
        long[] weights = new long[4096];
        long[][] sums = new long[4096][3];
        for (int pixel : pixels) {
            int a = pixel >>> 24;
            if (a == 0) {
                continue;
            }
            int r = pixel >> 16 & 0xFF;
            int g = pixel >> 8 & 0xFF;
            int b = pixel & 0xFF;
            int bin = (r >> 4) << 8 | (g >> 4) << 4 | b >> 4;
            weights[bin] += a;
            sums[bin][0] += (long) r * a;
            sums[bin][1] += (long) g * a;
            sums[bin][2] += (long) b * a;
        }
        int best = -1;
        for (int bin = 0; bin < weights.length; bin++) {
            if (weights[bin] > 0 && (best < 0 || weights[bin] > weights[best])) {
                best = bin;
            }
        }
        if (best < 0) {
            return WHITE;
        }
        long weight = weights[best];
        return mean(sums[best][0], weight) << 16 | mean(sums[best][1], weight) << 8 | mean(sums[best][2], weight);
    }

    private static int overWhite(int pixel) {
        int a = pixel >>> 24;
        int inverse = 255 - a;
        int r = ((pixel >> 16 & 0xFF) * a + 255 * inverse + 127) / 255;
        int g = ((pixel >> 8 & 0xFF) * a + 255 * inverse + 127) / 255;
        int b = ((pixel & 0xFF) * a + 255 * inverse + 127) / 255;
        return r << 16 | g << 8 | b;
    }

    private static int mean(long sum, long weight) {
        return (int) Math.min(255, (sum + weight / 2) / weight);
    }
}
