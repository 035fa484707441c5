package io.imgorigin.processing.probe;

import static io.imgorigin.codec.png.PngChunks.ACTL;
import static io.imgorigin.codec.png.PngChunks.EXIF;
import static io.imgorigin.codec.png.PngChunks.ICCP;
import static io.imgorigin.codec.png.PngChunks.IDAT;
import static io.imgorigin.codec.png.PngChunks.IEND;
import static io.imgorigin.codec.png.PngChunks.TRNS;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import io.imgorigin.codec.png.PngChunks;
import io.imgorigin.codec.png.PngChunks.Chunk;
import io.imgorigin.codec.png.PngChunks.TruncatedChunkException;
import io.imgorigin.codec.png.PngHeader;
import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * Reads IHDR and walks the chunk list (without checking CRCs, as lenient decoders do): tRNS and the
 * colour type tell alpha, iCCP the profile (inflated up to a cap), eXIf the orientation, acTL the
 * frame count of an APNG. Text chunks are skipped by length and never inflated.
 */
final class PngHeaderParser {

    private static final int MAX_ICC_BYTES = 4 << 20;

    private PngHeaderParser() {
    }

    static boolean matches(byte[] data) {
        return PngChunks.hasSignature(data);
    }

    static ImageHeader parse(byte[] data) {
        Chunk ihdr = PngChunks.imageHeader(data).orElseThrow(
                () -> new UnusableImageException("the PNG does not start with a complete IHDR chunk"));
        int width = HeaderBytes.side(Integer.toUnsignedLong(PngChunks.u32(data, ihdr.offset())), "PNG");
        int height = HeaderBytes.side(Integer.toUnsignedLong(PngChunks.u32(data, ihdr.offset() + 4)), "PNG");
        boolean alpha = PngHeader.hasAlphaChannel(data[ihdr.offset() + 9] & 0xFF);
        int frames = 1;
        int orientation = 1;
        byte[] icc = null;
        boolean imageDataSeen = false;
        PngChunks chunks = new PngChunks(data, ihdr.end());
        try {
            for (Chunk chunk = chunks.next(); chunk != null && chunk.type() != IEND; chunk = chunks.next()) {
                int type = chunk.type();
                if (type == IDAT) {
                    imageDataSeen = true;
                } else if (type == TRNS) {
                    alpha = true;
                } else if (type == ACTL && chunk.length() >= 8) {
                    long declared = Integer.toUnsignedLong(PngChunks.u32(data, chunk.offset()));
                    frames = (int) Math.min(Integer.MAX_VALUE, declared);
                } else if (type == EXIF && orientation == 1) {
                    orientation = ExifOrientation.read(data, chunk.offset());
                } else if (type == ICCP && icc == null && !imageDataSeen) {
                    icc = inflateProfile(data, chunk.offset(), chunk.length());
                }
            }
        } catch (TruncatedChunkException e) {
            // Cut off within or after the image data, the file is a truncated image for the decoder to judge.
            if (!imageDataSeen && e.type() != IDAT) {
                throw new UnusableImageException(e.getMessage(), e);
            }
        }
        return new ImageHeader(SourceFormat.PNG, width, height, HeaderBytes.area(width, height), frames,
                orientation, icc, alpha);
    }

    /** iCCP: a name of 1..79 bytes, a NUL, the compression method (0) and a zlib stream. */
    private static byte[] inflateProfile(byte[] data, int body, int length) {
        int nameEnd = body;
        int limit = body + Math.min(length, 81);
        while (nameEnd < limit && data[nameEnd] != 0) {
            nameEnd++;
        }
        int streamStart = nameEnd + 2;
        if (nameEnd >= limit || streamStart > body + length) {
            return null;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, streamStart, body + length - streamStart);
            ByteArrayOutputStream profile = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                profile.write(buffer, 0, n);
                if (profile.size() > MAX_ICC_BYTES) {
                    return null;
                }
            }
            return profile.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }
}
