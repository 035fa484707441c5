package io.imgorigin.processing.probe;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * Reads IHDR and walks the chunk list (without checking CRCs, as lenient decoders do): tRNS and the
 * colour type tell alpha, iCCP the profile (inflated up to a cap), eXIf the orientation, acTL the
 * frame count of an APNG. Text chunks are skipped by length and never inflated.
 */
final class PngHeaderParser {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int MAX_ICC_BYTES = 4 << 20;

    private PngHeaderParser() {
    }

    static boolean matches(byte[] data) {
        if (data.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (data[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    static ImageHeader parse(byte[] data) {
        if (HeaderBytes.u32be(data, 8, "PNG") != 13 || !HeaderBytes.startsWith(data, 12, "IHDR")) {
            throw new UnusableImageException("the PNG does not start with an IHDR chunk");
        }
        int width = HeaderBytes.side(HeaderBytes.u32be(data, 16, "PNG"), "PNG");
        int height = HeaderBytes.side(HeaderBytes.u32be(data, 20, "PNG"), "PNG");
        int colourType = HeaderBytes.u8(data, 25, "PNG");
        boolean alpha = colourType == 4 || colourType == 6;
        int frames = 1;
        int orientation = 1;
        byte[] icc = null;
        boolean imageDataSeen = false;
        long position = 33;
        while (position + 8 <= data.length) {
            long length = HeaderBytes.u32be(data, position, "PNG");
            long body = position + 8;
            if (length > data.length - body) {
                if (imageDataSeen || HeaderBytes.startsWith(data, position + 4, "IDAT")) {
                    break;
                }
                throw new UnusableImageException("a PNG chunk runs past the end of the file");
            }
            if (HeaderBytes.startsWith(data, position + 4, "IEND")) {
                break;
            } else if (HeaderBytes.startsWith(data, position + 4, "IDAT")) {
                imageDataSeen = true;
            } else if (HeaderBytes.startsWith(data, position + 4, "tRNS")) {
                alpha = true;
            } else if (HeaderBytes.startsWith(data, position + 4, "acTL") && length >= 8) {
                frames = (int) Math.min(Integer.MAX_VALUE, HeaderBytes.u32be(data, body, "PNG"));
            } else if (HeaderBytes.startsWith(data, position + 4, "eXIf") && orientation == 1) {
                orientation = ExifOrientation.read(data, (int) body);
            } else if (HeaderBytes.startsWith(data, position + 4, "iCCP") && icc == null && !imageDataSeen) {
                icc = inflateProfile(data, (int) body, (int) length);
            }
            position = body + length + 4;
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
