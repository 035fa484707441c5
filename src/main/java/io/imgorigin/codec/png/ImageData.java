package io.imgorigin.codec.png;

import java.util.zip.CRC32;

import javax.imageio.IIOException;

/**
 * The zlib stream of a PNG's image: its IDAT chunks, checked and joined. One IDAT is used where it lies
 * in the file; several are copied into one array. The scan stops after the last IDAT, so chunks after
 * the image (text, APNG frames) are neither read nor checked.
 *
 * @param transparency whether a tRNS chunk comes before the image data
 */
public record ImageData(byte[] bytes, int offset, int length, boolean transparency) {

    private static final int SIGNATURE_LENGTH = 8;
    private static final int IHDR = 0x49484452;
    private static final int PLTE = 0x504C5445;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;
    private static final int TRNS = 0x74524E53;
    private static final int ANCILLARY = 0x20000000;

    /**
     * Walks the chunks from the signature on. The CRCs of the critical chunks (IHDR, PLTE, IDAT) are
     * checked, as libspng checks them; an unknown critical chunk or a chunk running past the end of the
     * file make the file one this scan does not take. IDATs after the first run are not part of the
     * image, so the stream comes out short and the inflater refuses it.
     */
    public static ImageData scan(byte[] png) throws IIOException {
        CRC32 crc = new CRC32();
        int firstChunk = -1;
        int chunks = 0;
        long total = 0;
        boolean transparency = false;
        int position = SIGNATURE_LENGTH;
        while (png.length - position >= 12) {
            int size = chunkSize(png, position);
            int type = PngHeader.u32(png, position + 4);
            if (type == IDAT) {
                checkCrc(crc, png, position, size);
                if (firstChunk < 0) {
                    firstChunk = position;
                }
                chunks++;
                total += size;
            } else if (firstChunk >= 0 || type == IEND) {
                break;
            } else if (type == TRNS) {
                transparency = true;
            } else if (type == IHDR || type == PLTE) {
                checkCrc(crc, png, position, size);
            } else if ((type & ANCILLARY) == 0) {
                throw new IIOException("the PNG has an unknown critical chunk");
            }
            position += 12 + size;
        }
        if (firstChunk < 0) {
            throw new IIOException("the PNG has no image data");
        }
        if (chunks == 1) {
            return new ImageData(png, firstChunk + 8, (int) total, transparency);
        }
        // The IDATs lie within the file, so together they are shorter than it. A second walk copies them,
        // so that a file of many tiny chunks costs no memory per chunk.
        byte[] joined = new byte[(int) total];
        int filled = 0;
        for (int chunk = firstChunk, n = 0; n < chunks; n++) {
            int size = chunkSize(png, chunk);
            System.arraycopy(png, chunk + 8, joined, filled, size);
            filled += size;
            chunk += 12 + size;
        }
        return new ImageData(joined, 0, joined.length, transparency);
    }

    /** The chunk's data length, refused when the chunk with its CRC would run past the end of the file. */
    private static int chunkSize(byte[] png, int chunk) throws IIOException {
        long length = PngHeader.u32(png, chunk) & 0xFFFFFFFFL;
        if (length > png.length - chunk - 12L) {
            throw new IIOException("a PNG chunk runs past the end of the file");
        }
        return (int) length;
    }

    private static void checkCrc(CRC32 crc, byte[] png, int chunk, int size) throws IIOException {
        crc.reset();
        crc.update(png, chunk + 4, size + 4);
        if ((int) crc.getValue() != PngHeader.u32(png, chunk + 8 + size)) {
            throw new IIOException("a PNG chunk fails its CRC check");
        }
    }
}
