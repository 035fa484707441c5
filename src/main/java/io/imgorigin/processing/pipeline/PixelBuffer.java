package io.imgorigin.processing.pipeline;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DirectColorModel;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Packed 0xAARRGGBB (or 0x00RRGGBB) pixels in an int array, addressed as
 * {@code data[offset + y * stride + x]}. Lets the transform code work on the raster directly instead
 * of going through per-pixel colour-model calls.
 */
public record PixelBuffer(int[] data, int offset, int stride, int width, int height, boolean alpha) {

    private static final int[] RGB_MASKS = {0xFF0000, 0xFF00, 0xFF};
    private static final int[] ARGB_MASKS = {0xFF0000, 0xFF00, 0xFF, 0xFF000000};

    public int index(int x, int y) {
        return offset + y * stride + x;
    }

    /** A view of the image's own pixels; images that are not INT_RGB/INT_ARGB are converted first. */
    public static PixelBuffer of(BufferedImage image) {
        BufferedImage packed = packed(image);
        Raster raster = packed.getRaster();
        SinglePixelPackedSampleModel model = (SinglePixelPackedSampleModel) raster.getSampleModel();
        DataBufferInt buffer = (DataBufferInt) raster.getDataBuffer();
        int offset = buffer.getOffset() + model.getOffset(
                -raster.getSampleModelTranslateX(), -raster.getSampleModelTranslateY());
        return new PixelBuffer(buffer.getData(), offset, model.getScanlineStride(),
                packed.getWidth(), packed.getHeight(), packed.getType() == BufferedImage.TYPE_INT_ARGB);
    }

    public static PixelBuffer allocate(int width, int height, boolean alpha) {
        return new PixelBuffer(new int[Math.multiplyExact(width, height)], 0, width, width, height, alpha);
    }

    /** Wraps a compact buffer (offset 0, stride = width) as an image sharing its array. */
    public BufferedImage toImage() {
        if (offset != 0 || stride != width) {
            throw new IllegalStateException("only a compact buffer becomes an image without copying");
        }
        int[] masks = alpha ? ARGB_MASKS : RGB_MASKS;
        ColorModel model = alpha ? ColorModel.getRGBdefault() : new DirectColorModel(24, masks[0], masks[1], masks[2]);
        WritableRaster raster = Raster.createPackedRaster(
                new DataBufferInt(data, Math.multiplyExact(width, height)), width, height, width, masks, null);
        return new BufferedImage(model, raster, false, null);
    }

    /** A compact copy of a rectangle. */
    public PixelBuffer crop(int x, int y, int cropWidth, int cropHeight) {
        PixelBuffer copy = allocate(cropWidth, cropHeight, alpha);
        for (int row = 0; row < cropHeight; row++) {
            System.arraycopy(data, index(x, y + row), copy.data, row * cropWidth, cropWidth);
        }
        return copy;
    }

    private static BufferedImage packed(BufferedImage image) {
        int type = image.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) {
            return image;
        }
        int target = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(), target);
        Graphics2D g = converted.createGraphics();
        try {
            g.setComposite(java.awt.AlphaComposite.Src);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return converted;
    }
}
