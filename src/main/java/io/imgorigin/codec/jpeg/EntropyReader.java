package io.imgorigin.codec.jpeg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bits of one stretch of entropy-coded data (a scan, or one restart interval of it): stuffed zero bytes are
 * dropped, and at a marker or the end of the data zeros are fed, as libjpeg does, up to a bound past which the
 * data counts as truncated.
 */
final class EntropyReader {

    /** Zero bytes fed past a marker before the data counts as truncated: a few are normal at a scan's end. */
    private static final int MAX_PADDING = 64;

    private static final VarHandle BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final byte[] data;
    private int position;
    private long buffer;
    private int count;
    private boolean atMarker;
    private int padding;

    EntropyReader(byte[] data) {
        this.data = data;
    }

    /** Starts reading at {@code at}, with no bits buffered. */
    void reset(int at) {
        position = at;
        buffer = 0;
        count = 0;
        atMarker = false;
        padding = 0;
    }

    /** Where the bytes not yet buffered start: at or before the marker that ends the data. */
    int position() {
        return position;
    }

    /** Buffers at least 57 bits. */
    private void fill() throws JpegDataException {
        if (!atMarker && position + Long.BYTES <= data.length) {
            // The common case: the bytes wanted hold no 0xFF, so no stuffing or marker, and go in at once.
            int bytes = (63 - count) >>> 3;
            int bits = bytes * 8;
            long word = (long) BIG_ENDIAN.get(data, position);
            long inverted = ~word;
            long flags = (inverted - ONES) & word & HIGHS & -1L << (64 - bits);
            if (flags == 0) {
                buffer = buffer << bits | word >>> (64 - bits);
                count += bits;
                position += bytes;
                return;
            }
        }
        while (count <= 56) {
            int b = 0;
            if (!atMarker && position < data.length) {
                b = data[position] & 0xFF;
                if (b == 0xFF) {
                    if (position + 1 < data.length && data[position + 1] == 0) {
                        position += 2;
                    } else {
                        atMarker = true;
                        b = 0;
                    }
                } else {
                    position++;
                }
            } else {
                atMarker = true;
            }
            if (atMarker && ++padding > MAX_PADDING) {
                throw new JpegDataException("the entropy-coded data ends early");
            }
            buffer = buffer << 8 | b;
            count += 8;
        }
    }

    /** Decodes one DC difference: its size category's code, then that many bits, extended to a signed value. */
    int decodeDifference(HuffmanTable table) throws JpegDataException {
        if (count < 32) {
            fill();
        }
        int entry = table.lookup((int) (buffer >>> (count - HuffmanTable.LOOKAHEAD)) & (1 << HuffmanTable.LOOKAHEAD) - 1);
        if (entry == 0) {
            entry = table.slow((int) (buffer >>> (count - 16)) & 0xFFFF);
            if (entry < 0) {
                throw new JpegDataException("a Huffman code is not in its table");
            }
        }
        int size = entry & 0xFF;
        if (size > 15) {
            throw new JpegDataException("a DC difference has more than 15 bits");
        }
        count -= (entry >>> 8) + size;
        int value = (int) (buffer >>> count) & (1 << size) - 1;
        return size > 0 && value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
    }

    /**
     * Passes over the 63 AC coefficients of a sequential block, reading only their codes and skipping the bits
     * of their values: one lookup takes as many short codes with their value bits as fit in
     * {@value HuffmanTable#SKIP_BITS} bits, as long as they cannot run past the block's last coefficient.
     */
    void skipAc(HuffmanTable table) throws JpegDataException {
        int[] skip = table.skipTable();
        int k = 1;
        while (k < 64) {
            if (count < 32) {
                fill();
            }
            int several = skip[(int) (buffer >>> (count - HuffmanTable.SKIP_BITS)) & (1 << HuffmanTable.SKIP_BITS) - 1];
            int passed = several >>> 8 & 0xFF;
            if (several != 0 && k + passed < 64) {
                count -= several & 0xFF;
                if ((several & HuffmanTable.SKIP_END_OF_BLOCK) != 0) {
                    return;
                }
                k += passed;
                continue;
            }
            int entry = table.lookup((int) (buffer >>> (count - HuffmanTable.LOOKAHEAD)) & (1 << HuffmanTable.LOOKAHEAD) - 1);
            if (entry == 0) {
                entry = table.slow((int) (buffer >>> (count - 16)) & 0xFFFF);
                if (entry < 0) {
                    throw new JpegDataException("a Huffman code is not in its table");
                }
            }
            int symbol = entry & 0xFF;
            int size = symbol & 15;
            count -= (entry >>> 8) + size;
            if (size == 0) {
                if (symbol != 0xF0) {
                    return; // end of block
                }
                k += 16;
            } else {
                k += (symbol >>> 4) + 1;
            }
        }
    }
}
