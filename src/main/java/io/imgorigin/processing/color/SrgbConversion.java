package io.imgorigin.processing.color;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/** Turns any decoded image into 8-bit sRGB, TYPE_INT_RGB or TYPE_INT_ARGB. */
final class SrgbConversion {

    private SrgbConversion() {
    }

    /** Converts from the colour space the image's colour model declares (sRGB, gray, CMYK, Lab, ICC...). */
    static BufferedImage toSrgb(BufferedImage source, boolean alpha) {
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (source.getType() == type) {
            return source;
        }
        ColorModel model = source.getColorModel();
        if (!alpha && model.hasAlpha()) {
            // Undeclared alpha is padding: keep the colour as it is rather than blending it over black.
            return opaque(toSrgb(source, true));
        }
        ColorSpace space = model.getColorSpace();
        BufferedImage target = new BufferedImage(source.getWidth(), source.getHeight(), type);
        if (model instanceof ComponentColorModel && space.getType() == ColorSpace.TYPE_GRAY) {
            copyGray(source.getRaster(), target, alpha && model.hasAlpha());
        } else if (isFloat(source.getRaster()) && space.isCS_sRGB()) {
            encodeLinear(source.getRaster(), target, alpha && model.hasAlpha());
        } else if (space.isCS_sRGB() || !(model instanceof ComponentColorModel)) {
            draw(source, target);
        } else {
            new ColorConvertOp(null).filter(source, target);
        }
        return target;
    }

    /**
     * Reads the 8-bit RGB values of an image as if they were in the given ICC colour space (which the
     * decoder did not apply) and converts them to sRGB with {@code op}, which keeps the transform it makes
     * for the next image of the same profile (see {@link ProfileConversion}).
     */
    static BufferedImage fromProfile(BufferedImage image, ICC_ColorSpace space, boolean alpha, ColorConvertOp op) {
        int width = image.getWidth();
        int height = image.getHeight();
        ComponentColorModel model = new ComponentColorModel(space, alpha, false,
                alpha ? ColorModel.TRANSLUCENT : ColorModel.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] bytes = ((DataBufferByte) raster.getDataBuffer()).getData();
        int channels = alpha ? 4 : 3;
        for (int i = 0, j = 0; i < pixels.length; i++, j += channels) {
            int p = pixels[i];
            bytes[j] = (byte) (p >> 16);
            bytes[j + 1] = (byte) (p >> 8);
            bytes[j + 2] = (byte) p;
            if (alpha) {
                bytes[j + 3] = (byte) (p >>> 24);
            }
        }
        BufferedImage tagged = new BufferedImage(model, raster, false, null);
        BufferedImage target = new BufferedImage(width, height, image.getType());
        op.filter(tagged, target);
        return target;
    }

    static boolean isFloat(Raster raster) {
        int type = raster.getDataBuffer().getDataType();
        return type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE;
    }

    /**
     * Floating-point RGB (TIFF SampleFormat 3) holds linear light, as libvips reads it (scRGB); it is
     * encoded with the sRGB transfer curve rather than scaled as if it were already gamma-encoded.
     */
    private static void encodeLinear(Raster raster, BufferedImage target, boolean alpha) {
        int width = raster.getWidth();
        int bands = raster.getNumBands();
        int[] out = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
        float[] row = new float[width * bands];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getPixels(0, y, width, 1, row);
            for (int x = 0; x < width; x++) {
                int i = x * bands;
                int a = alpha ? clamp(Math.round(row[i + bands - 1] * 255)) : 0xFF;
                out[y * width + x] = a << 24 | srgb(row[i]) << 16 | srgb(row[i + 1]) << 8 | srgb(row[i + 2]);
            }
        }
    }

    private static int srgb(float linear) {
        double v = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return clamp((int) Math.round(v * 255));
    }

    private static BufferedImage opaque(BufferedImage argb) {
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] in = ((DataBufferInt) argb.getRaster().getDataBuffer()).getData();
        int[] out = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] & 0xFFFFFF;
        }
        return rgb;
    }

    /** Copies (the Src rule), so that translucent pixels keep their exact colour and alpha. */
    private static void draw(BufferedImage source, BufferedImage target) {
        Graphics2D g = target.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
    }

    /** Gray values are copied as they are: gray sources are gamma-encoded like sRGB, not linear. */
    private static void copyGray(Raster raster, BufferedImage target, boolean alpha) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int[] out = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
        boolean floating = isFloat(raster);
        long grayMax = (1L << raster.getSampleModel().getSampleSize(0)) - 1;
        long alphaMax = alpha ? (1L << raster.getSampleModel().getSampleSize(1)) - 1 : 0;
        float[] floatRow = floating ? new float[width] : null;
        int[] row = new int[width];
        int[] alphaRow = alpha ? new int[width] : null;
        for (int y = 0; y < height; y++) {
            if (floating) {
                raster.getSamples(0, y, width, 1, 0, floatRow);
            } else {
                raster.getSamples(0, y, width, 1, 0, row);
            }
            if (alpha) {
                raster.getSamples(0, y, width, 1, 1, alphaRow);
            }
            for (int x = 0; x < width; x++) {
                int v = floating ? clamp(Math.round(floatRow[x] * 255)) : scale(row[x], grayMax);
                int a = alpha ? scale(alphaRow[x], alphaMax) : 0xFF;
                out[y * width + x] = a << 24 | v << 16 | v << 8 | v;
            }
        }
    }

    private static int scale(int value, long max) {
        return max == 255 ? value & 0xFF : clamp((int) (((value & 0xFFFFFFFFL) * 255 + max / 2) / max));
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
