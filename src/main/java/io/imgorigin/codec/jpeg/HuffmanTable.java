package io.imgorigin.codec.jpeg;

/**
 * One Huffman table of a DHT segment, as canonical codes: a lookup of the first {@value #LOOKAHEAD} bits for
 * the short codes that make up nearly all of the data, and the per-length code ranges for the rest.
 */
final class HuffmanTable {

    static final int LOOKAHEAD = 12;
    /** The bits a {@link #skipTable} entry looks at: about two AC codes with their value bits. */
    static final int SKIP_BITS = 14;
    /** In a skip entry: the bits taken (low byte), the coefficients passed (next byte), an end of block. */
    static final int SKIP_END_OF_BLOCK = 1 << 16;
    private static final int MAX_SKIP_ADVANCE = 127;
    /** The AC symbol for sixteen zeros; any other symbol without value bits ends the block. */
    private static final int ZERO_RUN = 0xF0;
    private static final int MAX_LENGTH = 16;
    private static final int MAX_SYMBOLS = 256;

    /** For each {@value #LOOKAHEAD}-bit prefix: code length << 8 | symbol, or 0 when the code is longer. */
    private final int[] lookup = new int[1 << LOOKAHEAD];
    /** The largest code of each length (-1 for none) and the index of its symbol minus the code. */
    private final int[] maxCode = new int[MAX_LENGTH + 1];
    private final int[] offset = new int[MAX_LENGTH + 1];
    private final int[] symbols;
    private int[] skip;

    private HuffmanTable(int[] counts, int[] symbols) throws JpegDataException {
        this.symbols = symbols;
        int code = 0;
        int index = 0;
        for (int length = 1; length <= MAX_LENGTH; length++) {
            int count = counts[length - 1];
            offset[length] = index - code;
            for (int i = 0; i < count; i++, code++, index++) {
                if (code >= 1 << length) {
                    throw new JpegDataException("a Huffman table has more codes than its lengths allow");
                }
                if (length <= LOOKAHEAD) {
                    int shift = LOOKAHEAD - length;
                    for (int fill = 0; fill < 1 << shift; fill++) {
                        lookup[code << shift | fill] = length << 8 | symbols[index];
                    }
                }
            }
            maxCode[length] = count == 0 ? -1 : code - 1;
            code <<= 1;
        }
    }

    /**
     * Reads one table of a DHT segment: 16 code counts and the symbols.
     *
     * @param data  the JPEG
     * @param at    where the counts start
     * @param limit the end of the segment
     * @return the table, whose length in bytes is {@link #byteLength}
     */
    static HuffmanTable read(byte[] data, int at, int limit) throws JpegDataException {
        if (at + MAX_LENGTH > limit) {
            throw new JpegDataException("a DHT segment ends inside a table");
        }
        int[] counts = new int[MAX_LENGTH];
        int total = 0;
        for (int i = 0; i < MAX_LENGTH; i++) {
            counts[i] = data[at + i] & 0xFF;
            total += counts[i];
        }
        if (total > MAX_SYMBOLS || at + MAX_LENGTH + total > limit) {
            throw new JpegDataException("a DHT segment declares more symbols than it holds");
        }
        int[] symbols = new int[total];
        for (int i = 0; i < total; i++) {
            symbols[i] = data[at + MAX_LENGTH + i] & 0xFF;
        }
        return new HuffmanTable(counts, symbols);
    }

    int byteLength() {
        return MAX_LENGTH + symbols.length;
    }

    /** The lookup entry for the next {@value #LOOKAHEAD} bits: length << 8 | symbol, 0 for a longer code. */
    int lookup(int prefix) {
        return lookup[prefix];
    }

    /**
     * For AC codes, what the next {@value #SKIP_BITS} bits hold in whole codes with their value bits, up to
     * and including an end of block: bits taken | coefficients passed << 8 | {@link #SKIP_END_OF_BLOCK};
     * 0 when not even one code and its value bits fit. Made on first use, as only skipping wants it.
     */
    int[] skipTable() {
        if (skip == null) {
            int[] table = new int[1 << SKIP_BITS];
            for (int prefix = 0; prefix < table.length; prefix++) {
                int taken = 0;
                int passed = 0;
                int entry = 0;
                while (true) {
                    int next = lookup[(prefix << taken & (1 << SKIP_BITS) - 1) >>> (SKIP_BITS - LOOKAHEAD)];
                    int length = next >>> 8;
                    int symbol = next & 0xFF;
                    int bits = length + (symbol & 15);
                    if (next == 0 || taken + bits > SKIP_BITS) {
                        break;
                    }
                    taken += bits;
                    if ((symbol & 15) == 0 && symbol != ZERO_RUN) {
                        entry = taken | passed << 8 | SKIP_END_OF_BLOCK;
                        break;
                    }
                    passed += (symbol >>> 4) + 1;
                    if (passed > MAX_SKIP_ADVANCE) {
                        break;
                    }
                    entry = taken | passed << 8;
                }
                table[prefix] = entry;
            }
            skip = table;
        }
        return skip;
    }

    /** The symbol of a code longer than the lookahead, given the next 16 bits: length << 8 | symbol, or -1. */
    int slow(int next16) {
        for (int length = LOOKAHEAD + 1; length <= MAX_LENGTH; length++) {
            int code = next16 >>> (MAX_LENGTH - length);
            if (code <= maxCode[length]) {
                return length << 8 | symbols[code + offset[length]];
            }
        }
        return -1;
    }
}
