package io.imgorigin.codec.spng;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.Random;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

import io.imgorigin.processing.decode.TestImageBytes;

/** PNGs of every colour type and bit depth, filled with seeded noise so that every pixel differs. */
final class TestPngs {

    static final int WIDTH = 37;
    static final int HEIGHT = 23;
    static final int GRAY4_KEY = 9;

    private TestPngs() {
    }

    enum Kind {
        RGBA8(false), RGB8(false), GRAY8(false), GRAY_ALPHA8(false), PALETTE8(false), PALETTE_TRNS(false),
        PALETTE4(false), GRAY16(false), RGBA16(false), GRAY_ALPHA16(false),
        RGB8_TRNS(false), RGB16_TRNS(false), GRAY8_TRNS(false), GRAY1(false), GRAY2(false), GRAY4(false),
        GRAY4_TRNS(false),
        RGBA8_ADAM7(true), RGB8_ADAM7(true), PALETTE_TRNS_ADAM7(true), GRAY16_ADAM7(true), RGBA16_ADAM7(true),
        GRAY_ALPHA8_ADAM7(true);

        private final boolean interlaced;

        Kind(boolean interlaced) {
            this.interlaced = interlaced;
        }

        /**
         * Whether the JDK reader's own regions and subsampling are a reference. For 8-bit gray and RGB
         * with a tRNS colour it shifts pixels within a source region and fails on regions that reach past
         * the image.
         */
        boolean jdkReadsRegions() {
            return this != RGB8_TRNS && this != GRAY8_TRNS;
        }

        /**
         * The JDK reader's pixels as the PNG specification has them: for 1, 2 and 4-bit gray it compares
         * the tRNS gray with samples already scaled to 8 bits, so its colour key misses (libspng applies it).
         */
        int[] asSpecified(int[] jdk) {
            if (this != GRAY4_TRNS) {
                return jdk;
            }
            int key = 0xFF000000 | GRAY4_KEY * 17 * 0x010101;
            return java.util.Arrays.stream(jdk).map(p -> p == key ? p & 0xFFFFFF : p).toArray();
        }

        byte[] png() {
            return switch (this) {
                case RGBA8, RGBA8_ADAM7 -> write(noise(new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB)),
                        interlaced);
                case RGB8, RGB8_ADAM7 -> write(noise(new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB)),
                        interlaced);
                case GRAY8 -> write(noise(new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY)), false);
                case GRAY_ALPHA8, GRAY_ALPHA8_ADAM7 -> write(noise(component(ColorSpace.CS_GRAY, true,
                        DataBuffer.TYPE_BYTE)), interlaced);
                case PALETTE8 -> write(noise(indexed(256, 8, false)), false);
                case PALETTE_TRNS, PALETTE_TRNS_ADAM7 -> write(noise(indexed(256, 8, true)), interlaced);
                case PALETTE4 -> write(noise(indexed(16, 4, false)), false);
                case GRAY16 -> write(noise(new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_USHORT_GRAY)), false);
                case GRAY16_ADAM7 -> write(noise(new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_USHORT_GRAY)),
                        true);
                case RGBA16, RGBA16_ADAM7 -> write(noise(component(ColorSpace.CS_sRGB, true, DataBuffer.TYPE_USHORT)),
                        interlaced);
                case GRAY_ALPHA16 -> write(noise(component(ColorSpace.CS_GRAY, true, DataBuffer.TYPE_USHORT)), false);
                case RGB8_TRNS -> packed(8, 2, 3, 5, 7);
                case RGB16_TRNS -> packed(16, 2, 0x0304, 0x0506, 0x0708);
                case GRAY8_TRNS -> packed(8, 0, 5);
                case GRAY1 -> packed(1, 0);
                case GRAY2 -> packed(2, 0);
                case GRAY4 -> packed(4, 0);
                case GRAY4_TRNS -> packed(4, 0, GRAY4_KEY);
            };
        }
    }

    /** Every sample random, so subsampling and regions that pick the wrong pixel show. */
    static BufferedImage noise(BufferedImage image) {
        Random random = new Random(image.getType() * 31L + image.getColorModel().getPixelSize());
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < raster.getWidth(); x++) {
                for (int b = 0; b < raster.getNumBands(); b++) {
                    int bits = raster.getSampleModel().getSampleSize(b);
                    raster.setSample(x, y, b, random.nextInt(1 << bits));
                }
            }
        }
        return image;
    }

    static BufferedImage component(int space, boolean alpha, int dataType) {
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(space), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType);
        return new BufferedImage(model, model.createCompatibleWritableRaster(WIDTH, HEIGHT), false, null);
    }

    static BufferedImage indexed(int size, int bits, boolean alpha) {
        Random random = new Random(size + (alpha ? 1 : 0));
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        byte[] a = new byte[size];
        random.nextBytes(r);
        random.nextBytes(g);
        random.nextBytes(b);
        random.nextBytes(a);
        IndexColorModel palette = alpha ? new IndexColorModel(bits, size, r, g, b, a) : new IndexColorModel(bits, size, r, g, b);
        int type = bits == 8 ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_BYTE_BINARY;
        return new BufferedImage(WIDTH, HEIGHT, type, palette);
    }

    static byte[] write(BufferedImage image, boolean interlaced) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
        return TestImageBytes.write(writer, param, image);
    }

    /**
     * Gray or RGB scanlines of random values, packed for bit depths under 8. Given a transparent
     * colour, a tRNS chunk names it and every fifth pixel has it.
     */
    static byte[] packed(int bitDepth, int colorType, int... transparent) {
        int channels = colorType == 2 ? 3 : 1;
        int bitsPerPixel = bitDepth * channels;
        int lineBytes = (WIDTH * bitsPerPixel + 7) / 8;
        int max = (1 << bitDepth) - 1;
        Random random = new Random(bitDepth * 10L + colorType);
        byte[][] lines = new byte[HEIGHT][lineBytes];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH * channels; x++) {
                boolean keyed = transparent.length > 0 && (y * WIDTH + x / channels) % 5 == 0;
                int value = keyed ? transparent[x % channels] : random.nextInt(max + 1);
                if (bitDepth == 16) {
                    lines[y][2 * x] = (byte) (value >> 8);
                    lines[y][2 * x + 1] = (byte) value;
                } else if (bitDepth == 8) {
                    lines[y][x] = (byte) value;
                } else {
                    int bit = x * bitDepth;
                    lines[y][bit / 8] |= (byte) (value << (8 - bitDepth - bit % 8));
                }
            }
        }
        if (transparent.length == 0) {
            return PngBytes.png(WIDTH, HEIGHT, bitDepth, colorType, lines);
        }
        return PngBytes.png(WIDTH, HEIGHT, bitDepth, colorType, lines, PngBytes.chunk("tRNS", PngBytes.u16(transparent)));
    }
}
