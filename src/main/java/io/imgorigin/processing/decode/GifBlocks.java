package io.imgorigin.processing.decode;

import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * Walks a GIF's blocks from the logical screen to the trailer, one image at a time, keeping only a
 * position: the graphic control extension that precedes an image is returned with it, the NETSCAPE2.0
 * loop extension is remembered, other extensions are skipped. Every length is checked against the data,
 * so a block cut short is an {@link UnusableImageException}, never an index error.
 */
final class GifBlocks {

    /** One image descriptor with its control extension; {@code dataOffset} is its LZW minimum code size byte. */
    record Frame(int left, int top, int width, int height, boolean interlaced, int paletteOffset, int paletteSize,
            int disposal, int delayCentis, int transparentIndex, int dataOffset) {
    }

    private final byte[] data;
    private final int screenWidth;
    private final int screenHeight;
    private final int globalPaletteOffset;
    private final int globalPaletteSize;
    private int position;
    private int netscapeLoops = -1;
    private boolean ended;

    GifBlocks(byte[] data) {
        this.data = data;
        if (data.length < 13 || !(startsWith(0, "GIF87a") || startsWith(0, "GIF89a"))) {
            throw new UnusableImageException("not a GIF: no GIF87a/GIF89a header and logical screen");
        }
        screenWidth = u16(6);
        screenHeight = u16(8);
        int flags = data[10] & 0xFF;
        globalPaletteOffset = 13;
        globalPaletteSize = (flags & 0x80) != 0 ? 1 << ((flags & 7) + 1) : 0;
        position = 13 + 3 * globalPaletteSize;
        require(position, 0, "global colour table");
    }

    int screenWidth() {
        return screenWidth;
    }

    int screenHeight() {
        return screenHeight;
    }

    /** The NETSCAPE2.0 loop field seen so far, or -1 when there was none. */
    int netscapeLoops() {
        return netscapeLoops;
    }

    /** The next image, or null at the trailer (or at the end of the data between blocks, as viewers accept). */
    Frame next() {
        int disposal = 0;
        int delay = 0;
        int transparent = -1;
        while (!ended) {
            if (position == data.length) {
                ended = true;
                return null;
            }
            int introducer = data[position] & 0xFF;
            if (introducer == 0x3B) {
                ended = true;
                return null;
            }
            if (introducer == 0x21) {
                require(position, 2, "extension");
                int label = data[position + 1] & 0xFF;
                int body = position + 2;
                if (label == 0xF9) {
                    require(body, 6, "graphic control extension");
                    if ((data[body] & 0xFF) >= 4) {
                        int packed = data[body + 1] & 0xFF;
                        disposal = (packed >> 2) & 7;
                        delay = u16(body + 2);
                        transparent = (packed & 1) != 0 ? data[body + 4] & 0xFF : -1;
                    }
                } else if (label == 0xFF) {
                    readApplication(body);
                }
                position = skipSubBlocks(body);
            } else if (introducer == 0x2C) {
                return image(disposal, delay, transparent);
            } else {
                throw new UnusableImageException("GIF: unknown block 0x" + Integer.toHexString(introducer)
                        + " at byte " + position);
            }
        }
        return null;
    }

    private Frame image(int disposal, int delay, int transparent) {
        int descriptor = position;
        require(descriptor, 10, "image descriptor");
        int flags = data[descriptor + 9] & 0xFF;
        int paletteOffset = globalPaletteOffset;
        int paletteSize = globalPaletteSize;
        int dataOffset = descriptor + 10;
        if ((flags & 0x80) != 0) {
            paletteOffset = dataOffset;
            paletteSize = 1 << ((flags & 7) + 1);
            dataOffset += 3 * paletteSize;
        }
        require(dataOffset, 1, "image data");
        position = skipSubBlocks(dataOffset + 1);
        return new Frame(u16(descriptor + 1), u16(descriptor + 3), u16(descriptor + 5), u16(descriptor + 7),
                (flags & 0x40) != 0, paletteOffset, paletteSize, disposal, delay, transparent, dataOffset);
    }

    /** NETSCAPE2.0 (or its ANIMEXTS1.0 twin): an 11-byte identifier, then sub-block {1, loops (u16)}. */
    private void readApplication(int body) {
        require(body, 12, "application extension");
        if ((data[body] & 0xFF) != 11 || !(startsWith(body + 1, "NETSCAPE2.0") || startsWith(body + 1, "ANIMEXTS1.0"))) {
            return;
        }
        int sub = body + 12;
        require(sub, 1, "loop extension");
        if ((data[sub] & 0xFF) >= 3) {
            require(sub, 4, "loop extension");
            if ((data[sub + 1] & 7) == 1 && netscapeLoops < 0) {
                netscapeLoops = u16(sub + 2);
            }
        }
    }

    /** Past a chain of sub-blocks starting at {@code offset}, including its zero-length terminator. */
    private int skipSubBlocks(int offset) {
        int at = offset;
        while (true) {
            require(at, 1, "data sub-block");
            int length = data[at] & 0xFF;
            if (length == 0) {
                return at + 1;
            }
            require(at + 1, length, "data sub-block");
            at += 1 + length;
        }
    }

    private void require(int offset, int length, String what) {
        if (offset < 0 || length > data.length - offset) {
            throw new UnusableImageException("GIF truncated: the " + what + " at byte " + offset
                    + " runs past the end of the data (" + data.length + " bytes)");
        }
    }

    private int u16(int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8;
    }

    private boolean startsWith(int offset, String text) {
        if (offset + text.length() > data.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (data[offset + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
