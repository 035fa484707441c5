package io.imgorigin.codec.turbojpeg;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Applies what DCT scaling left of an ImageReadParam to a decoded image: the source region, given in
 * full-size source pixels and mapped onto the decoded scale, then any remaining subsampling.
 */
final class RegionSampler {

    private RegionSampler() {
    }

    static BufferedImage apply(BufferedImage decoded, Rectangle sourceRegion, ScalingFactor factor, int xStep, int yStep,
            int xOffset, int yOffset) {
        Rectangle region = scaledRegion(decoded, sourceRegion, factor);
        boolean whole = region.width == decoded.getWidth() && region.height == decoded.getHeight();
        if (whole && xStep == 1 && yStep == 1 && xOffset == 0 && yOffset == 0) {
            return decoded;
        }
        int width = ceilDiv(region.width - xOffset, xStep);
        int height = ceilDiv(region.height - yOffset, yStep);
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("source region and subsampling select no pixels");
        }
        BufferedImage result = new BufferedImage(width, height, decoded.getType());
        Raster source = decoded.getRaster();
        WritableRaster target = result.getRaster();
        Object pixel = null;
        for (int y = 0; y < height; y++) {
            int sy = region.y + yOffset + y * yStep;
            for (int x = 0; x < width; x++) {
                pixel = source.getDataElements(region.x + xOffset + x * xStep, sy, pixel);
                target.setDataElements(x, y, pixel);
            }
        }
        return result;
    }

    private static Rectangle scaledRegion(BufferedImage decoded, Rectangle sourceRegion, ScalingFactor factor) {
        Rectangle all = new Rectangle(0, 0, decoded.getWidth(), decoded.getHeight());
        if (sourceRegion == null) {
            return all;
        }
        long num = factor.num();
        long denom = factor.denom();
        int x0 = (int) (sourceRegion.x * num / denom);
        int y0 = (int) (sourceRegion.y * num / denom);
        int x1 = (int) Math.ceilDiv((sourceRegion.x + (long) sourceRegion.width) * num, denom);
        int y1 = (int) Math.ceilDiv((sourceRegion.y + (long) sourceRegion.height) * num, denom);
        Rectangle region = new Rectangle(x0, y0, x1 - x0, y1 - y0).intersection(all);
        if (region.isEmpty()) {
            throw new IllegalArgumentException("source region lies outside the image");
        }
        return region;
    }

    private static int ceilDiv(int value, int divisor) {
        return value <= 0 ? 0 : Math.ceilDiv(value, divisor);
    }
}
