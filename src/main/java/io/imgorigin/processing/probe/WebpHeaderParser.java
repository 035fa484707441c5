package io.imgorigin.processing.probe;

import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * A RIFF WebP: a simple lossy (VP8) or lossless (VP8L) bitstream, or the extended format (VP8X) whose
 * canvas, ICCP and EXIF chunks and ANMF frames are read here.
 */
public final class WebpHeaderParser {

    private static final int MAX_ICC_BYTES = 4 << 20;

    private WebpHeaderParser() {
    }

    public static boolean matches(byte[] data) {
        return HeaderBytes.startsWith(data, 0, "RIFF") && HeaderBytes.startsWith(data, 8, "WEBP");
    }

    static ImageHeader parse(byte[] data) {
        HeaderBytes.require(data, 12, 8, "WebP");
        if (HeaderBytes.startsWith(data, 12, "VP8 ")) {
            HeaderBytes.require(data, 20, 10, "WebP");
            if ((data[23] & 0xFF) != 0x9D || (data[24] & 0xFF) != 0x01 || (data[25] & 0xFF) != 0x2A) {
                throw new UnusableImageException("the WebP VP8 header is corrupt");
            }
            int width = HeaderBytes.side(HeaderBytes.u16le(data, 26, "WebP") & 0x3FFF, "WebP");
            int height = HeaderBytes.side(HeaderBytes.u16le(data, 28, "WebP") & 0x3FFF, "WebP");
            return still(width, height, false);
        }
        if (HeaderBytes.startsWith(data, 12, "VP8L")) {
            if (HeaderBytes.u8(data, 20, "WebP") != 0x2F) {
                throw new UnusableImageException("the WebP VP8L header is corrupt");
            }
            long bits = HeaderBytes.u32le(data, 21, "WebP");
            int width = (int) (bits & 0x3FFF) + 1;
            int height = (int) (bits >> 14 & 0x3FFF) + 1;
            return still(width, height, (bits >> 28 & 1) != 0);
        }
        if (HeaderBytes.startsWith(data, 12, "VP8X")) {
            return extended(data);
        }
        throw new UnusableImageException("the WebP has no VP8, VP8L or VP8X chunk first");
    }

    private static ImageHeader still(int width, int height, boolean alpha) {
        return new ImageHeader(SourceFormat.WEBP, width, height, HeaderBytes.area(width, height), 1, 1, null, alpha);
    }

    private static ImageHeader extended(byte[] data) {
        int flags = HeaderBytes.u8(data, 20, "WebP");
        int width = HeaderBytes.u24le(data, 24, "WebP") + 1;
        int height = HeaderBytes.u24le(data, 27, "WebP") + 1;
        long canvas = HeaderBytes.area(width, height);
        int frames = 0;
        int orientation = 1;
        byte[] icc = null;
        long position = 20 + chunkSpan(HeaderBytes.u32le(data, 16, "WebP"));
        while (position + 8 <= data.length && frames <= GifHeaderParser.FRAME_COUNT_CAP) {
            long size = HeaderBytes.u32le(data, position + 4, "WebP");
            long body = position + 8;
            boolean complete = size <= data.length - body;
            if (HeaderBytes.startsWith(data, position, "ANMF")) {
                if (complete && size >= 16) {
                    long x = 2L * HeaderBytes.u24le(data, body, "WebP");
                    long y = 2L * HeaderBytes.u24le(data, body + 3, "WebP");
                    int frameWidth = HeaderBytes.u24le(data, body + 6, "WebP") + 1;
                    int frameHeight = HeaderBytes.u24le(data, body + 9, "WebP") + 1;
                    if (x + frameWidth > width || y + frameHeight > height) {
                        throw new UnusableImageException("a WebP frame (" + frameWidth + "×" + frameHeight + " at "
                                + x + "," + y + ") reaches past its " + width + "×" + height + " canvas");
                    }
                    if (frames == 0) {
                        canvas = Math.max(canvas, HeaderBytes.area(frameWidth, frameHeight));
                    }
                }
                frames++;
            } else if (complete && HeaderBytes.startsWith(data, position, "ICCP") && size <= MAX_ICC_BYTES) {
                icc = new byte[(int) size];
                System.arraycopy(data, (int) body, icc, 0, icc.length);
            } else if (complete && HeaderBytes.startsWith(data, position, "EXIF")) {
                orientation = ExifOrientation.read(data, (int) body);
            }
            position = body + chunkSpan(size);
        }
        boolean animated = (flags & 0x02) != 0;
        return new ImageHeader(SourceFormat.WEBP, width, height, canvas, animated ? Math.max(frames, 1) : 1,
                orientation, icc, (flags & 0x10) != 0);
    }

    /** Chunks are padded to an even size. */
    private static long chunkSpan(long size) {
        return size + (size & 1);
    }
}
