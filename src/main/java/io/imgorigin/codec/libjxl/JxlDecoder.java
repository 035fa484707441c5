package io.imgorigin.codec.libjxl;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import javax.imageio.IIOException;

/**
 * Decodes the first (coalesced) frame of a JPEG XL file with libjxl 0.7, upright by its own orientation
 * (libjxl applies it unless asked to keep it, so EXIF orientation must not be applied on top), as 8-bit RGBA
 * with straight alpha. An XYB-coded (lossy) image is asked for sRGB; other images come out in their own
 * colour space, whose ICC profile {@link #info} returns for the caller to convert from.
 */
public final class JxlDecoder {

    /** {@code sizeof(JxlBasicInfo)} in 0.7 is 204 bytes; a little more is allocated. */
    private static final long BASIC_INFO_SIZE = 256;
    private static final long XSIZE = 4;
    private static final long YSIZE = 8;
    private static final long HAVE_ANIMATION = 44;
    private static final long ORIENTATION = 48;
    private static final long NUM_COLOR_CHANNELS = 52;
    private static final long ALPHA_BITS = 60;
    /** {@code JxlPixelFormat {uint32 num_channels; JxlDataType; JxlEndianness; size_t align;}}. */
    private static final long PIXEL_FORMAT_SIZE = 24;
    private static final int TYPE_UINT8 = 2;
    private static final int NATIVE_ENDIAN = 0;
    /** {@code JxlColorEncoding} is 104 bytes in 0.7. */
    private static final long COLOR_ENCODING_SIZE = 256;
    private static final int MAX_ICC = 4 << 20;
    /** Process calls before a file is given up: each returns an event or a need, a handful per image. */
    private static final int MAX_STEPS = 64;

    /**
     * What the header tells, read by libjxl before any pixel is decoded.
     *
     * @param width  width as displayed (orientation applied)
     * @param height height as displayed
     * @param icc    the ICC profile of the pixels the decoder will output, or null when that is sRGB
     */
    public record Info(int width, int height, boolean alpha, boolean animated, byte[] icc) {
    }

    private final JxlFunctions jxl;

    JxlDecoder(JxlFunctions jxl) {
        this.jxl = jxl;
    }

    /** The header of a JPEG XL file, read by the library when it is loaded. */
    public static Info readInfo(byte[] input) throws IIOException {
        return new JxlDecoder(JxlLibrary.instance().require()).info(input);
    }

    Info info(byte[] input) throws IIOException {
        try (Arena arena = Arena.ofConfined(); Session session = new Session(arena, input,
                JxlFunctions.BASIC_INFO | JxlFunctions.COLOR_ENCODING)) {
            session.run(JxlFunctions.COLOR_ENCODING);
            return session.info();
        }
    }

    /** @param maxPixels the most pixels the image may have, checked on its basic info before decoding */
    BufferedImage decode(byte[] input, long maxPixels) throws IIOException {
        try (Arena arena = Arena.ofConfined(); Session session = new Session(arena, input,
                JxlFunctions.BASIC_INFO | JxlFunctions.COLOR_ENCODING | JxlFunctions.FULL_IMAGE)) {
            session.maxPixels = maxPixels;
            session.run(JxlFunctions.FULL_IMAGE);
            return session.image();
        }
    }

    /** One decoder over one input, destroyed on close. */
    private final class Session implements AutoCloseable {

        private final Arena arena;
        private final MemorySegment decoder;
        private final MemorySegment basicInfo;
        private final MemorySegment format;
        private long maxPixels = Long.MAX_VALUE;
        private boolean haveInfo;
        private byte[] icc;
        private MemorySegment pixels;

        Session(Arena arena, byte[] input, int events) throws IIOException {
            this.arena = arena;
            MemorySegment data = arena.allocate(Math.max(1, input.length));
            MemorySegment.copy(input, 0, data, JAVA_BYTE, 0, input.length);
            MemorySegment created = jxl.create();
            if (created.equals(MemorySegment.NULL)) {
                throw new IIOException("libjxl could not create a decoder");
            }
            decoder = created;
            basicInfo = arena.allocate(BASIC_INFO_SIZE, 8);
            format = arena.allocate(PIXEL_FORMAT_SIZE, 8);
            format.set(JAVA_INT, 0, 4);
            format.set(JAVA_INT, 4, TYPE_UINT8);
            format.set(JAVA_INT, 8, NATIVE_ENDIAN);
            format.set(JAVA_LONG, 16, 0);
            try {
                check(jxl.subscribeEvents(decoder, events), "libjxl refused the events");
                check(jxl.setUnpremultiplyAlpha(decoder, true), "libjxl cannot unpremultiply alpha");
                check(jxl.setInput(decoder, data, input.length), "libjxl refused the input");
                jxl.closeInput(decoder);
            } catch (IIOException e) {
                close();
                throw e;
            }
        }

        /** Processes the input until {@code until} has been seen. */
        void run(int until) throws IIOException {
            for (int step = 0; step < MAX_STEPS; step++) {
                int status = jxl.processInput(decoder);
                switch (status) {
                    case JxlFunctions.BASIC_INFO -> readBasicInfo();
                    case JxlFunctions.COLOR_ENCODING -> colorEncoding();
                    case JxlFunctions.NEED_IMAGE_OUT_BUFFER -> outBuffer();
                    case JxlFunctions.FULL_IMAGE -> {
                        if (until == JxlFunctions.FULL_IMAGE) {
                            return;
                        }
                    }
                    case JxlFunctions.ERROR -> throw new IIOException("libjxl could not decode the JPEG XL file");
                    case JxlFunctions.NEED_MORE_INPUT -> throw new IIOException("the JPEG XL file is truncated");
                    case JxlFunctions.SUCCESS -> throw new IIOException("the JPEG XL file ended before its image");
                    default -> throw new IIOException("libjxl asked for what this reader does not give (" + status + ")");
                }
                if (status == until) {
                    return;
                }
            }
            throw new IIOException("libjxl did not finish the JPEG XL file in " + MAX_STEPS + " steps");
        }

        private void readBasicInfo() throws IIOException {
            check(jxl.basicInfo(decoder, basicInfo), "libjxl gave no basic info");
            long pixels = (long) stored(XSIZE) * stored(YSIZE);
            if (stored(XSIZE) <= 0 || stored(YSIZE) <= 0) {
                throw new IIOException("the JPEG XL file declares an empty image");
            }
            if (pixels > maxPixels || pixels > Integer.MAX_VALUE / 4) {
                throw new IIOException("the JPEG XL file declares " + pixels + " pixels, more than allowed");
            }
            haveInfo = true;
        }

        /** Asks for sRGB, which libjxl gives for XYB images; otherwise keeps the ICC profile of what it gives. */
        private void colorEncoding() throws IIOException {
            if (!haveInfo) {
                throw new IIOException("libjxl gave the colour encoding before the basic info");
            }
            MemorySegment srgb = arena.allocate(COLOR_ENCODING_SIZE, 8);
            jxl.colorEncodingSetToSrgb(srgb, basicInfo.get(JAVA_INT, NUM_COLOR_CHANNELS) == 1);
            if (jxl.setPreferredColorProfile(decoder, srgb) == JxlFunctions.SUCCESS) {
                icc = null;
                return;
            }
            MemorySegment size = arena.allocate(JAVA_LONG);
            if (jxl.iccProfileSize(decoder, format, JxlFunctions.TARGET_DATA, size) != JxlFunctions.SUCCESS) {
                return;
            }
            long length = size.get(JAVA_LONG, 0);
            if (length <= 0 || length > MAX_ICC) {
                return;
            }
            MemorySegment profile = arena.allocate(length);
            if (jxl.colorAsIccProfile(decoder, format, JxlFunctions.TARGET_DATA, profile, length) == JxlFunctions.SUCCESS) {
                icc = profile.toArray(JAVA_BYTE);
            }
        }

        private void outBuffer() throws IIOException {
            if (!haveInfo) {
                throw new IIOException("libjxl asked for pixels before the basic info");
            }
            MemorySegment size = arena.allocate(JAVA_LONG);
            check(jxl.imageOutBufferSize(decoder, format, size), "libjxl gave no output size");
            long expected = (long) stored(XSIZE) * stored(YSIZE) * 4;
            if (size.get(JAVA_LONG, 0) != expected) {
                throw new IIOException("libjxl asks for " + size.get(JAVA_LONG, 0) + " bytes of RGBA, not " + expected);
            }
            pixels = arena.allocate(expected);
            check(jxl.setImageOutBuffer(decoder, format, pixels, expected), "libjxl refused the output buffer");
        }

        private int stored(long offset) {
            return basicInfo.get(JAVA_INT, offset);
        }

        private boolean transposed() {
            int orientation = stored(ORIENTATION);
            return orientation >= 5 && orientation <= 8;
        }

        Info info() throws IIOException {
            if (!haveInfo) {
                throw new IIOException("libjxl gave no basic info");
            }
            int w = transposed() ? stored(YSIZE) : stored(XSIZE);
            int h = transposed() ? stored(XSIZE) : stored(YSIZE);
            return new Info(w, h, stored(ALPHA_BITS) > 0, stored(HAVE_ANIMATION) != 0, icc);
        }

        BufferedImage image() throws IIOException {
            Info info = info();
            if (pixels == null) {
                throw new IIOException("libjxl decoded no pixels");
            }
            BufferedImage image = new BufferedImage(info.width(), info.height(),
                    info.alpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            byte[] row = new byte[info.width() * 4];
            for (int y = 0; y < info.height(); y++) {
                MemorySegment.copy(pixels, JAVA_BYTE, (long) y * row.length, row, 0, row.length);
                int o = y * info.width();
                for (int x = 0, i = 0; x < info.width(); x++, i += 4) {
                    int alpha = info.alpha() ? (row[i + 3] & 0xFF) << 24 : 0;
                    out[o + x] = alpha | (row[i] & 0xFF) << 16 | (row[i + 1] & 0xFF) << 8 | (row[i + 2] & 0xFF);
                }
            }
            return image;
        }

        private void check(int status, String what) throws IIOException {
            if (status != JxlFunctions.SUCCESS) {
                throw new IIOException(what + " (status " + status + ")");
            }
        }

        @Override
        public void close() {
            jxl.destroy(decoder);
        }
    }
}
