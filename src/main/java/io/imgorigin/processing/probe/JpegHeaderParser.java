package io.imgorigin.processing.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import io.imgorigin.codec.jpeg.JpegMarker;
import io.imgorigin.codec.jpeg.JpegSegments;
import io.imgorigin.codec.jpeg.JpegSegments.Segment;
import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * Walks a JPEG's marker segments up to the start of scan: the frame header (SOFn) gives the size,
 * APP1 Exif the orientation, and the APP2 ICC_PROFILE chunks are put back together in order.
 */
final class JpegHeaderParser {

    private static final String ICC_SIGNATURE = "ICC_PROFILE\0";
    private static final int MAX_ICC_CHUNKS = 256;

    private JpegHeaderParser() {
    }

    static boolean matches(byte[] data) {
        return data.length >= 3 && (data[0] & 0xFF) == JpegMarker.PREFIX && (data[1] & 0xFF) == JpegMarker.SOI
                && (data[2] & 0xFF) == JpegMarker.PREFIX;
    }

    static ImageHeader parse(byte[] data) {
        int width = 0;
        int height = 0;
        int orientation = 1;
        boolean exifSeen = false;
        byte[][] iccChunks = null;
        JpegSegments segments = JpegSegments.of(data);
        try {
            segments.readStartOfImage(); // matches() has seen it
            for (Segment segment = segments.next(); segment.marker() != JpegMarker.EOI; segment = segments.next()) {
                int marker = segment.marker();
                int body = (int) segment.body();
                int bodyLength = segment.bodyLength();
                if (marker == JpegMarker.SOS) {
                    requireEndOfImage(data, body);
                    break;
                }
                HeaderBytes.require(data, body, bodyLength, "JPEG");
                if (JpegMarker.isStartOfFrame(marker) && width == 0) {
                    height = HeaderBytes.u16be(data, body + 1, "JPEG");
                    width = HeaderBytes.u16be(data, body + 3, "JPEG");
                    if (width == 0 || height == 0) {
                        throw new UnusableImageException("the JPEG frame header declares an invalid size ("
                                + width + "×" + height + ")");
                    }
                } else if (marker == JpegMarker.APP1 && !exifSeen && HeaderBytes.startsWith(data, body, "Exif\0")) {
                    exifSeen = true;
                    orientation = ExifOrientation.read(data, body + 6);
                } else if (marker == JpegMarker.APP2 && bodyLength > ICC_SIGNATURE.length() + 2
                        && HeaderBytes.startsWith(data, body, ICC_SIGNATURE)) {
                    iccChunks = iccChunk(data, body, bodyLength, iccChunks);
                }
            }
        } catch (IOException e) {
            throw new UnusableImageException("the JPEG header is truncated or corrupt", e);
        }
        if (width == 0) {
            throw new UnusableImageException("the JPEG has no frame header before its image data");
        }
        return new ImageHeader(SourceFormat.JPEG, width, height, HeaderBytes.area(width, height), 1, orientation,
                assemble(iccChunks), false);
    }

    /**
     * SPEC: a truncated image is refused. Entropy-coded data stuffs every 0xFF with a zero byte, so the
     * end-of-image marker cannot occur inside it: a file without one after its first scan has lost its end
     * (the pure-Java decoder would otherwise fill the missing rows with grey and serve them). Searched from
     * the end, where the marker almost always is.
     */
    private static void requireEndOfImage(byte[] data, int from) {
        for (int i = data.length - 2; i >= from; i--) {
            if (data[i] == (byte) JpegMarker.PREFIX && data[i + 1] == (byte) JpegMarker.EOI) {
                return;
            }
        }
        throw new UnusableImageException("the JPEG is truncated: its data ends before the end-of-image marker");
    }

    /** Stores one chunk by its sequence number (1-based) out of the declared count. */
    private static byte[][] iccChunk(byte[] data, int body, int bodyLength, byte[][] chunks) {
        int sequence = data[body + ICC_SIGNATURE.length()] & 0xFF;
        int count = data[body + ICC_SIGNATURE.length() + 1] & 0xFF;
        if (count == 0 || count > MAX_ICC_CHUNKS || sequence == 0 || sequence > count) {
            return chunks;
        }
        byte[][] result = chunks == null || chunks.length != count ? new byte[count][] : chunks;
        int start = body + ICC_SIGNATURE.length() + 2;
        byte[] chunk = new byte[body + bodyLength - start];
        System.arraycopy(data, start, chunk, 0, chunk.length);
        result[sequence - 1] = chunk;
        return result;
    }

    /** The whole profile, or null when a chunk is missing (an incomplete profile is worse than none). */
    private static byte[] assemble(byte[][] chunks) {
        if (chunks == null) {
            return null;
        }
        ByteArrayOutputStream profile = new ByteArrayOutputStream();
        for (byte[] chunk : chunks) {
            if (chunk == null) {
                return null;
            }
            profile.writeBytes(chunk);
        }
        return profile.toByteArray();
    }
}
