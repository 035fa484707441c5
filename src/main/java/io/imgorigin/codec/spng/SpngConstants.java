package io.imgorigin.codec.spng;

/** Values from libspng 0.7's spng.h that this package passes to or reads from the library. */
final class SpngConstants {

    static final int SPNG_OK = 0;
    static final int SPNG_ECHUNKAVAIL = 73;
    static final int SPNG_EOI = 75;

    static final int SPNG_FMT_RGBA8 = 1;
    static final int SPNG_FMT_RGBA16 = 2;

    static final int SPNG_DECODE_TRNS = 1;
    static final int SPNG_DECODE_PROGRESSIVE = 256;

    static final int SPNG_CRC_ERROR = 0;
    static final int SPNG_CRC_USE = 2;

    static final int SPNG_INTERLACE_ADAM7 = 1;

    /** struct spng_ihdr: two uint32 then five uint8, padded to 16 bytes. */
    static final long IHDR_SIZE = 16;
    static final long IHDR_WIDTH = 0;
    static final long IHDR_HEIGHT = 4;
    static final long IHDR_BIT_DEPTH = 8;
    static final long IHDR_COLOR_TYPE = 9;
    static final long IHDR_INTERLACE_METHOD = 12;

    /** struct spng_row_info: uint32 scanline_idx, uint32 row_num, int pass, uint8 filter; 16 bytes. */
    static final long ROW_INFO_SIZE = 16;
    static final long ROW_INFO_ROW_NUM = 4;
    static final long ROW_INFO_PASS = 8;

    /** struct spng_trns: four uint16, a uint32 and 256 bytes of palette alpha. */
    static final long TRNS_SIZE = 268;
    static final long TRNS_GRAY = 0;

    private SpngConstants() {
    }
}
