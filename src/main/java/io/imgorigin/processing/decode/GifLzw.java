package io.imgorigin.processing.decode;

import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * GIF's variable-length LZW, read from a frame's chain of data sub-blocks into one palette index per
 * pixel. Like browsers, it stops at the end code, at a code that cannot occur, or when the frame is full,
 * and reports how many pixels it produced; the rest of the frame is left undrawn.
 */
final class GifLzw {

    private static final int MAX_CODES = 4096;

    private final short[] prefix = new short[MAX_CODES];
    private final byte[] suffix = new byte[MAX_CODES];
    private final byte[] stack = new byte[MAX_CODES + 1];

    /**
     * @param data   the whole file, whose sub-block chain at {@code offset + 1} was already checked to be complete
     * @param offset the LZW minimum code size byte
     * @param out    receives the indices, in the order they are stored (interlaced frames not yet reordered)
     * @param pixels how many indices the frame holds, at most {@code out.length}
     * @return how many indices were decoded
     */
    int decode(byte[] data, int offset, byte[] out, int pixels) {
        int minimum = data[offset] & 0xFF;
        if (minimum < 1 || minimum > 11) {
            throw new UnusableImageException("GIF: LZW minimum code size " + minimum + " is outside 1..11");
        }
        int clear = 1 << minimum;
        int end = clear + 1;
        int codeSize = minimum + 1;
        int next = clear + 2;
        int previous = -1;
        int first = 0;
        int produced = 0;

        int block = offset + 1;
        int blockLeft = data[block] & 0xFF;
        int at = block + 1;
        int bits = 0;
        int bitCount = 0;
        for (int i = 0; i < clear; i++) {
            prefix[i] = -1;
            suffix[i] = (byte) i;
        }
        while (produced < pixels) {
            while (bitCount < codeSize) {
                if (blockLeft == 0) {
                    block = at;
                    blockLeft = data[block] & 0xFF;
                    at = block + 1;
                    if (blockLeft == 0) {
                        return produced;
                    }
                }
                bits |= (data[at++] & 0xFF) << bitCount;
                bitCount += 8;
                blockLeft--;
            }
            int code = bits & ((1 << codeSize) - 1);
            bits >>>= codeSize;
            bitCount -= codeSize;
            if (code == clear) {
                codeSize = minimum + 1;
                next = clear + 2;
                previous = -1;
                continue;
            }
            if (code == end) {
                return produced;
            }
            if (previous < 0) {
                if (code >= clear) {
                    return produced;
                }
                out[produced++] = (byte) code;
                previous = code;
                first = code;
                continue;
            }
            int top = 0;
            int walk;
            if (code < next) {
                walk = code;
            } else if (code == next) {
                stack[top++] = (byte) first;
                walk = previous;
            } else {
                return produced;
            }
            while (walk >= clear) {
                stack[top++] = suffix[walk];
                walk = prefix[walk];
            }
            stack[top++] = (byte) walk;
            first = walk;
            while (top > 0 && produced < pixels) {
                out[produced++] = stack[--top];
            }
            if (next < MAX_CODES) {
                prefix[next] = (short) previous;
                suffix[next] = (byte) first;
                next++;
                if (next == 1 << codeSize && codeSize < 12) {
                    codeSize++;
                }
            }
            previous = code;
        }
        return produced;
    }
}
