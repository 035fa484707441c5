package io.imgorigin.codec.png;

import static io.imgorigin.codec.png.PngChunks.IDAT;
import static io.imgorigin.codec.png.PngChunks.IEND;
import static io.imgorigin.codec.png.PngChunks.IHDR;
import static io.imgorigin.codec.png.PngChunks.PLTE;
import static io.imgorigin.codec.png.PngChunks.TRNS;

import javax.imageio.IIOException;

import io.imgorigin.codec.png.PngChunks.Chunk;

/**
 * The zlib stream of a PNG's image: its IDAT chunks, checked and joined. One IDAT is used where it lies
 * in the file; several are copied into one array. The scan stops after the last IDAT, so chunks after
 * the image (text, APNG frames) are neither read nor checked.
 *
 * @param transparency whether a tRNS chunk comes before the image data
 */
public record ImageData(byte[] bytes, int offset, int length, boolean transparency) {

    /**
     * Walks the chunks from the signature on. The CRCs of the critical chunks (IHDR, PLTE, IDAT) are
     * checked, as libspng checks them; an unknown critical chunk or a chunk running past the end of the
     * file make the file one this scan does not take. IDATs after the first run are not part of the
     * image, so the stream comes out short and the inflater refuses it.
     */
    public static ImageData scan(byte[] png) throws IIOException {
        PngChunks chunks = new PngChunks(png, PngChunks.SIGNATURE_LENGTH);
        Chunk first = null;
        int count = 0;
        long total = 0;
        boolean transparency = false;
        for (Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
            int type = chunk.type();
            if (type == IDAT) {
                checkCrc(chunks, chunk);
                if (first == null) {
                    first = chunk;
                }
                count++;
                total += chunk.length();
            } else if (first != null || type == IEND) {
                break;
            } else if (type == TRNS) {
                transparency = true;
            } else if (type == IHDR || type == PLTE) {
                checkCrc(chunks, chunk);
            } else if (PngChunks.isCritical(type)) {
                throw new IIOException("the PNG has an unknown critical chunk");
            }
        }
        if (first == null) {
            throw new IIOException("the PNG has no image data");
        }
        if (count == 1) {
            return new ImageData(png, first.offset(), first.length(), transparency);
        }
        // The IDATs lie within the file, so together they are shorter than it. A second walk copies them,
        // so that a file of many tiny chunks costs no memory per chunk.
        byte[] joined = new byte[(int) total];
        PngChunks again = new PngChunks(png, first.start());
        for (int n = 0, filled = 0; n < count; n++) {
            Chunk chunk = again.next();
            System.arraycopy(png, chunk.offset(), joined, filled, chunk.length());
            filled += chunk.length();
        }
        return new ImageData(joined, 0, joined.length, transparency);
    }

    private static void checkCrc(PngChunks chunks, Chunk chunk) throws IIOException {
        if (!chunks.crcMatches(chunk)) {
            throw new IIOException("a PNG chunk fails its CRC check");
        }
    }
}
