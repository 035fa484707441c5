package io.imgorigin.codec.png;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

import javax.imageio.IIOException;

/**
 * Walks the chunk list of a PNG held in memory. A chunk is taken when its length, type and data lie
 * within the file; its CRC may be cut off, so a file that lost only its last bytes still walks (a
 * caller that checks CRCs finds a missing one failing). Lengths are read unsigned and every chunk moves
 * the walk on by at least 12 bytes, so hostile lengths end the walk instead of wrapping or stalling it.
 */
public final class PngChunks {

    public static final int SIGNATURE_LENGTH = 8;
    public static final int IHDR_LENGTH = 13;
    public static final int IHDR = type("IHDR");
    public static final int PLTE = type("PLTE");
    public static final int IDAT = type("IDAT");
    public static final int IEND = type("IEND");
    public static final int TRNS = type("tRNS");
    public static final int ACTL = type("acTL");
    public static final int EXIF = type("eXIf");
    public static final int ICCP = type("iCCP");

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Bit 5 of the type's first letter (lower case) marks a chunk a decoder may ignore. */
    private static final int ANCILLARY = 0x20000000;
    /** Length and type before a chunk's data, CRC after it. */
    private static final int LENGTH_FIELD = 4;
    private static final int TYPE_FIELD = 4;
    private static final int HEAD = LENGTH_FIELD + TYPE_FIELD;
    private static final int CRC = 4;

    /**
     * One chunk.
     *
     * @param offset where its data starts in the file
     */
    public record Chunk(int type, int offset, int length) {

        /** Where this chunk starts: at its length field. */
        public int start() {
            return offset - HEAD;
        }

        /** Where the next chunk starts: after this one's CRC. */
        public long end() {
            return (long) offset + length + CRC;
        }
    }

    /** A chunk whose data runs past the end of the file. */
    public static final class TruncatedChunkException extends IIOException {

        private final int type;

        TruncatedChunkException(int type) {
            super("a PNG chunk runs past the end of the file");
            this.type = type;
        }

        public int type() {
            return type;
        }
    }

    private final byte[] png;
    private final CRC32 crc = new CRC32();
    private long position;

    /** A walk from {@code from}, where a chunk starts. */
    public PngChunks(byte[] png, long from) {
        this.png = png;
        this.position = from;
    }

    public static boolean hasSignature(byte[] data) {
        return data.length >= SIGNATURE_LENGTH
                && Arrays.equals(data, 0, SIGNATURE_LENGTH, SIGNATURE, 0, SIGNATURE_LENGTH);
    }

    /**
     * The IHDR chunk with which every PNG opens, after the signature; empty when the bytes do not open
     * so, or end within its data.
     */
    public static Optional<Chunk> imageHeader(byte[] png) {
        if (!hasSignature(png)) {
            return Optional.empty();
        }
        try {
            Chunk first = new PngChunks(png, SIGNATURE_LENGTH).next();
            return first != null && first.type() == IHDR && first.length() == IHDR_LENGTH ? Optional.of(first)
                    : Optional.empty();
        } catch (TruncatedChunkException e) {
            return Optional.empty();
        }
    }

    /** The next chunk; null when what remains cannot hold a chunk's length and type. */
    public Chunk next() throws TruncatedChunkException {
        if (png.length - position < HEAD) {
            return null;
        }
        int at = (int) position;
        long length = Integer.toUnsignedLong(u32(png, at));
        int type = u32(png, at + LENGTH_FIELD);
        if (length > png.length - (at + (long) HEAD)) {
            throw new TruncatedChunkException(type);
        }
        Chunk chunk = new Chunk(type, at + HEAD, (int) length);
        position = chunk.end();
        return chunk;
    }

    /** Whether the chunk's CRC, over its type and data, is there and matches. */
    public boolean crcMatches(Chunk chunk) {
        if (chunk.end() > png.length) {
            return false;
        }
        crc.reset();
        crc.update(png, chunk.offset() - TYPE_FIELD, TYPE_FIELD + chunk.length());
        return (int) crc.getValue() == u32(png, chunk.offset() + chunk.length());
    }

    public static boolean isCritical(int type) {
        return (type & ANCILLARY) == 0;
    }

    /** The big-endian 32-bit value at {@code offset}, the byte order of every PNG integer. */
    public static int u32(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16 | (bytes[offset + 2] & 0xFF) << 8
                | bytes[offset + 3] & 0xFF;
    }

    private static int type(String name) {
        return u32(name.getBytes(StandardCharsets.US_ASCII), 0);
    }
}
