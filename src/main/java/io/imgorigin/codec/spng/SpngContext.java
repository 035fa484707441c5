package io.imgorigin.codec.spng;

import io.imgorigin.codec.png.PngHeader;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import javax.imageio.IIOException;

/**
 * One libspng decoding context and the native memory it reads. The PNG is copied into that memory:
 * the context keeps the buffer's address from one call to the next, which a Java array the collector
 * may move cannot give it. Every failing call becomes an IIOException with libspng's message; closing
 * frees the context, then the memory.
 */
final class SpngContext implements AutoCloseable {

    /** Bounds what ancillary chunks (text, ICC profiles, Exif) may hold in memory, compressed or not. */
    private static final long CHUNK_LIMIT = 16L << 20;

    private final SpngFunctions spng;
    private final Arena arena;
    private final MemorySegment ctx;
    private MemorySegment rowInfo;

    SpngContext(SpngFunctions spng) throws IIOException {
        this.spng = spng;
        this.arena = Arena.ofConfined();
        this.ctx = spng.spngCtxNew(0);
        if (ctx.equals(MemorySegment.NULL)) {
            arena.close();
            throw new IIOException("libspng could not create a decoding context");
        }
    }

    /**
     * Hands over the PNG and limits the image to the size its header was read as, so that libspng never
     * decodes more than the caller allocated for. Ancillary chunks are used even when their CRC does not
     * match, as the JDK's reader uses them (it checks no CRCs): a damaged tRNS still gives alpha, as the
     * header probe already promised.
     */
    void setInput(byte[] png, PngHeader header) throws IIOException {
        MemorySegment copy = arena.allocate(png.length);
        MemorySegment.copy(png, 0, copy, JAVA_BYTE, 0, png.length);
        check(spng.spngSetPngBuffer(ctx, copy, png.length), "cannot set the PNG buffer");
        check(spng.spngSetImageLimits(ctx, header.width(), header.height()), "cannot set image limits");
        check(spng.spngSetChunkLimits(ctx, CHUNK_LIMIT, CHUNK_LIMIT), "cannot set chunk limits");
        check(spng.spngSetCrcAction(ctx, SpngConstants.SPNG_CRC_ERROR, SpngConstants.SPNG_CRC_USE),
                "cannot set the CRC action");
    }

    PngHeader header() throws IIOException {
        MemorySegment ihdr = arena.allocate(SpngConstants.IHDR_SIZE, 4);
        check(spng.spngGetIhdr(ctx, ihdr), "cannot read the PNG header");
        return new PngHeader(ihdr.get(JAVA_INT, SpngConstants.IHDR_WIDTH), ihdr.get(JAVA_INT, SpngConstants.IHDR_HEIGHT),
                ihdr.get(JAVA_BYTE, SpngConstants.IHDR_BIT_DEPTH) & 0xFF,
                ihdr.get(JAVA_BYTE, SpngConstants.IHDR_COLOR_TYPE) & 0xFF,
                ihdr.get(JAVA_BYTE, SpngConstants.IHDR_INTERLACE_METHOD) == SpngConstants.SPNG_INTERLACE_ADAM7);
    }

    /**
     * Whether a tRNS chunk precedes the image data (where the specification puts it). Asked before
     * decoding: afterwards libspng would look through the chunks that follow the image data too, and
     * fail on a file that merely lacks its IEND.
     */
    boolean hasTransparency() throws IIOException {
        return transparency() != null;
    }

    /** The gray sample a tRNS chunk makes transparent, as stored (it may exceed the bit depth). */
    int transparentGray() throws IIOException {
        MemorySegment trns = transparency();
        if (trns == null) {
            throw new IIOException("the PNG has no tRNS chunk");
        }
        return trns.get(JAVA_SHORT, SpngConstants.TRNS_GRAY) & 0xFFFF;
    }

    /** Decodes the whole image into {@code out}. */
    void decodeImage(MemorySegment out, int format, boolean applyTransparency) throws IIOException {
        check(spng.spngDecodeImage(ctx, out, out.byteSize(), format, flags(applyTransparency, 0)),
                "cannot decode the PNG");
    }

    /** Prepares row-by-row decoding. */
    void startRows(int format, boolean applyTransparency) throws IIOException {
        rowInfo = arena.allocate(SpngConstants.ROW_INFO_SIZE, 4);
        check(spng.spngDecodeImage(ctx, MemorySegment.NULL, 0, format,
                flags(applyTransparency, SpngConstants.SPNG_DECODE_PROGRESSIVE)), "cannot start decoding the PNG");
    }

    long decodedSize(int format) throws IIOException {
        MemorySegment size = arena.allocate(JAVA_LONG);
        check(spng.spngDecodedImageSize(ctx, format, size), "cannot compute the decoded size");
        return size.get(JAVA_LONG, 0);
    }


    /** Where the next {@link #decodeRow} puts its pixels. */
    Row nextRow() throws IIOException {
        check(spng.spngGetRowInfo(ctx, rowInfo), "cannot read the row position");
        return new Row(rowInfo.get(JAVA_INT, SpngConstants.ROW_INFO_ROW_NUM),
                rowInfo.get(JAVA_INT, SpngConstants.ROW_INFO_PASS));
    }

    /**
     * Decodes the next row into {@code out}, whose pixels sit at their column; an interlaced row of one
     * pass writes only that pass's columns.
     *
     * @return false when that was the image's last row
     */
    boolean decodeRow(MemorySegment out) throws IIOException {
        int result = spng.spngDecodeRow(ctx, out, out.byteSize());
        if (result == SpngConstants.SPNG_EOI) {
            return false;
        }
        check(result, "cannot decode the PNG");
        return true;
    }

    @Override
    public void close() {
        try {
            spng.spngCtxFree(ctx);
        } finally {
            arena.close();
        }
    }

    private MemorySegment transparency() throws IIOException {
        MemorySegment trns = arena.allocate(SpngConstants.TRNS_SIZE, 4);
        int result = spng.spngGetTrns(ctx, trns);
        if (result == SpngConstants.SPNG_ECHUNKAVAIL) {
            return null;
        }
        check(result, "cannot read the chunks before the image data");
        return trns;
    }

    private static int flags(boolean applyTransparency, int others) {
        return (applyTransparency ? SpngConstants.SPNG_DECODE_TRNS : 0) | others;
    }

    private void check(int result, String failure) throws IIOException {
        if (result != SpngConstants.SPNG_OK) {
            throw new IIOException(failure + ": " + spng.errorMessage(result) + " (libspng error " + result + ")");
        }
    }

    /** A row's index in the image and the Adam7 pass it comes from (0 when not interlaced). */
    record Row(int number, int pass) {
    }
}
