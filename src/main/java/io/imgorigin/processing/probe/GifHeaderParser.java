package io.imgorigin.processing.probe;

import java.awt.Rectangle;

import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * The logical screen is the canvas; frames are counted by hopping over their data sub-blocks (no
 * LZW decoding) until the trailer, the end of the data, or a cap. A frame reaching past a declared
 * canvas is refused: decoders disagree on whether to clip it or grow the canvas.
 */
public final class GifHeaderParser {

    static final int FRAME_COUNT_CAP = 100_000;

    private GifHeaderParser() {
    }

    static boolean matches(byte[] data) {
        return HeaderBytes.startsWith(data, 0, "GIF87a") || HeaderBytes.startsWith(data, 0, "GIF89a");
    }

    static ImageHeader parse(byte[] data) {
        Scan scan = scan(data, FRAME_COUNT_CAP);
        int width = scan.screenWidth > 0 ? scan.screenWidth : scan.first.width;
        int height = scan.screenHeight > 0 ? scan.screenHeight : scan.first.height;
        long canvas = Math.max(HeaderBytes.area(width, height), HeaderBytes.area(scan.first.width, scan.first.height));
        return new ImageHeader(SourceFormat.GIF, width, height, canvas, scan.frames, 1, null, scan.transparent);
    }

    /** Where the first frame lies on the canvas. */
    public static Rectangle firstFrame(byte[] data) {
        return scan(data, 1).first;
    }

    private record Scan(int screenWidth, int screenHeight, Rectangle first, int frames, boolean transparent) {
    }

    private static Scan scan(byte[] data, int cap) {
        int screenWidth = HeaderBytes.u16le(data, 6, "GIF");
        int screenHeight = HeaderBytes.u16le(data, 8, "GIF");
        int flags = HeaderBytes.u8(data, 10, "GIF");
        long position = 13 + colourTableSize(flags);
        Rectangle first = null;
        Rectangle outside = null;
        int frames = 0;
        boolean transparent = false;
        try {
            while (frames < cap && position >= 0 && position < data.length) {
                int block = data[(int) position] & 0xFF;
                if (block == 0x21) {
                    int label = HeaderBytes.u8(data, position + 1, "GIF");
                    if (label == 0xF9 && first == null && (HeaderBytes.u8(data, position + 3, "GIF") & 1) != 0) {
                        transparent = true;
                    }
                    position = skipSubBlocks(data, position + 2);
                } else if (block == 0x2C) {
                    HeaderBytes.require(data, position, 10, "GIF");
                    Rectangle bounds = new Rectangle(HeaderBytes.u16le(data, position + 1, "GIF"),
                            HeaderBytes.u16le(data, position + 3, "GIF"),
                            HeaderBytes.side(HeaderBytes.u16le(data, position + 5, "GIF"), "GIF"),
                            HeaderBytes.side(HeaderBytes.u16le(data, position + 7, "GIF"), "GIF"));
                    if (first == null) {
                        first = bounds;
                    }
                    if (outside == null && screenWidth > 0 && screenHeight > 0
                            && ((long) bounds.x + bounds.width > screenWidth
                                || (long) bounds.y + bounds.height > screenHeight)) {
                        outside = bounds;
                    }
                    frames++;
                    int localFlags = data[(int) position + 9] & 0xFF;
                    position = skipSubBlocks(data, position + 10 + colourTableSize(localFlags) + 1);
                } else {
                    // The trailer, or bytes that start no block: the frames end here.
                    break;
                }
            }
        } catch (UnusableImageException e) {
            if (first == null) {
                throw e;
            }
            // Data cut short after the first frame: the frames counted so far stand.
        }
        if (first == null) {
            throw new UnusableImageException("the GIF has no image before its end");
        }
        if (outside != null) {
            throw new UnusableImageException("a GIF frame (" + outside.width + "×" + outside.height + " at "
                    + outside.x + "," + outside.y + ") reaches past its " + screenWidth + "×" + screenHeight
                    + " canvas");
        }
        return new Scan(screenWidth, screenHeight, first, frames, transparent);
    }

    private static long colourTableSize(int flags) {
        return (flags & 0x80) != 0 ? 3L << ((flags & 7) + 1) : 0;
    }

    /** The position after a run of sub-blocks, or -1 when the data ends inside it. */
    private static long skipSubBlocks(byte[] data, long position) {
        while (position < data.length) {
            int size = data[(int) position] & 0xFF;
            position += 1 + size;
            if (size == 0) {
                return position;
            }
        }
        return -1;
    }
}
