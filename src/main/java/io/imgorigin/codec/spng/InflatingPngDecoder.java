package io.imgorigin.codec.spng;

import io.imgorigin.codec.libdeflate.Libdeflate;
import io.imgorigin.codec.png.ImageData;
import io.imgorigin.codec.png.PngHeader;
import io.imgorigin.codec.png.ScanlineFilters;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import javax.imageio.IIOException;

/**
 * Decodes a whole 8-bit gray, gray-alpha, RGB or RGBA PNG that is not interlaced and has no tRNS chunk:
 * libdeflate inflates the image data in one call, the filters are undone in place, and the samples
 * become TYPE_INT_ARGB or TYPE_INT_RGB pixels, as {@link SpngDecoder} makes them. These are most large
 * PNGs, and inflating is most of their decoding time. The inflated data is about the size of the
 * result, so this holds twice the image's memory for a moment where libspng holds it once.
 */
final class InflatingPngDecoder {

    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final int GRAY = 0;
    private static final int RGB = 2;
    private static final int GRAY_ALPHA = 4;

    private final Libdeflate libdeflate;

    InflatingPngDecoder(Libdeflate libdeflate) {
        this.libdeflate = libdeflate;
    }

    /** Whether the header alone allows this decoder; a tRNS chunk, found only in {@link #decode}, still refuses it. */
    static boolean takes(PngHeader header) {
        return header.bitDepth() == 8 && !header.interlaced() && header.colorType() != 3;
    }

    /** The image, or null when the PNG has a tRNS chunk. */
    BufferedImage decode(byte[] png, PngHeader header) throws IIOException {
        if (!takes(header)) {
            throw new IllegalArgumentException("not a PNG this decoder takes: " + header);
        }
        ImageData data = ImageData.scan(png);
        if (data.transparency()) {
            return null;
        }
        int channels = switch (header.colorType()) {
            case GRAY -> 1;
            case GRAY_ALPHA -> 2;
            case RGB -> 3;
            default -> 4;
        };
        int width = header.width();
        int height = header.height();
        long rowBytes = (long) width * channels;
        long size = (rowBytes + 1) * height;
        if (size > MAX_ARRAY || (long) width * height > MAX_ARRAY) {
            throw new IIOException("PNG too large to decode in one piece: " + width + "x" + height);
        }
        byte[] samples = new byte[(int) size];
        libdeflate.inflate(data.bytes(), data.offset(), data.length(), samples);
        ScanlineFilters.reverse(samples, height, (int) rowBytes, channels);

        boolean alpha = header.hasAlphaChannel();
        BufferedImage image = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            int from = (int) (y * (rowBytes + 1)) + 1;
            int to = y * width;
            switch (header.colorType()) {
                case GRAY -> gray(samples, from, pixels, to, width);
                case GRAY_ALPHA -> grayAlpha(samples, from, pixels, to, width);
                case RGB -> rgb(samples, from, pixels, to, width);
                default -> rgba(samples, from, pixels, to, width);
            }
        }
        return image;
    }

    private static void gray(byte[] s, int from, int[] pixels, int to, int width) {
        for (int x = 0; x < width; x++) {
            pixels[to + x] = (s[from + x] & 0xFF) * 0x010101;
        }
    }

    private static void grayAlpha(byte[] s, int from, int[] pixels, int to, int width) {
        for (int x = 0, i = from; x < width; x++, i += 2) {
            pixels[to + x] = (s[i + 1] & 0xFF) << 24 | (s[i] & 0xFF) * 0x010101;
        }
    }

    private static void rgb(byte[] s, int from, int[] pixels, int to, int width) {
        for (int x = 0, i = from; x < width; x++, i += 3) {
            pixels[to + x] = (s[i] & 0xFF) << 16 | (s[i + 1] & 0xFF) << 8 | s[i + 2] & 0xFF;
        }
    }

    private static void rgba(byte[] s, int from, int[] pixels, int to, int width) {
        for (int x = 0, i = from; x < width; x++, i += 4) {
            int rgba = (int) BIG_ENDIAN_INT.get(s, i);
            pixels[to + x] = rgba >>> 8 | rgba << 24;
        }
    }
}
