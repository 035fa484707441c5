package io.imgorigin.codec.spng;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.imgorigin.codec.ByteArrayImageInputStream;
import io.imgorigin.codec.NativeCodec;

/**
 * The JDK's PNG reader as reference, and its output as the pipeline's colour step turns it into 8-bit
 * ARGB: stored values (gray copied to R, G and B, not converted as linear gray) scaled to 8 bits with
 * rounding, palette entries as they are.
 */
final class JdkPng {

    private JdkPng() {
    }

    static BufferedImage read(byte[] png, ImageReadParam param) throws IOException {
        ImageReader reader = reader();
        try (ImageInputStream in = new ByteArrayImageInputStream(png)) {
            reader.setInput(in, true, true);
            return reader.read(0, param);
        } finally {
            reader.dispose();
        }
    }

    static ImageReadParam param() {
        ImageReader reader = reader();
        try {
            return reader.getDefaultReadParam();
        } finally {
            reader.dispose();
        }
    }

    /** Each pixel as 0xAARRGGBB, alpha 0xFF where the image has none. */
    static int[] argb(BufferedImage image) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        int[] pixels = new int[image.getWidth() * image.getHeight()];
        int[] sample = new int[bands];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                raster.getPixel(x, y, sample);
                int argb;
                if (model instanceof IndexColorModel palette) {
                    argb = palette.getRGB(sample[0]);
                } else {
                    int[] v = new int[bands];
                    for (int b = 0; b < bands; b++) {
                        v[b] = to8(sample[b], raster.getSampleModel().getSampleSize(b));
                    }
                    int colours = bands <= 2 ? 1 : 3;
                    int r = v[0];
                    int g = colours == 3 ? v[1] : v[0];
                    int bl = colours == 3 ? v[2] : v[0];
                    int a = bands == colours + 1 ? v[bands - 1] : 0xFF;
                    argb = a << 24 | r << 16 | g << 8 | bl;
                }
                pixels[y * image.getWidth() + x] = argb;
            }
        }
        return pixels;
    }

    /** The pixels an ImageReadParam selects from a whole image, as ImageIO defines regions and subsampling. */
    static int[] sample(int[] pixels, int width, int height, ImageReadParam param) {
        if (param == null) {
            return pixels;
        }
        java.awt.Rectangle region = new java.awt.Rectangle(0, 0, width, height);
        if (param.getSourceRegion() != null) {
            region = region.intersection(param.getSourceRegion());
        }
        int x0 = region.x + param.getSubsamplingXOffset();
        int y0 = region.y + param.getSubsamplingYOffset();
        int stepX = param.getSourceXSubsampling();
        int stepY = param.getSourceYSubsampling();
        int columns = Math.ceilDiv(region.width - param.getSubsamplingXOffset(), stepX);
        int rows = Math.ceilDiv(region.height - param.getSubsamplingYOffset(), stepY);
        int[] sampled = new int[columns * rows];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                sampled[y * columns + x] = pixels[(y0 + y * stepY) * width + x0 + x * stepX];
            }
        }
        return sampled;
    }

    private static int to8(int value, int bits) {
        long max = (1L << bits) - 1;
        return (int) ((value * 255L + max / 2) / max);
    }

    private static ImageReader reader() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (!(reader.getOriginatingProvider() instanceof NativeCodec)) {
                return reader;
            }
            reader.dispose();
        }
        throw new IllegalStateException("no pure-Java PNG reader");
    }
}
