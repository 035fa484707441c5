package io.imgorigin.processing.info;

import java.awt.Dimension;
import java.io.IOException;
import java.util.Arrays;

import io.imgorigin.codec.jpeg.JpegMarker;
import io.imgorigin.codec.jpeg.JpegSegments;
import io.imgorigin.codec.jpeg.JpegSegments.Segment;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.processing.probe.TiffStructure;

/**
 * The JPEG preview that cameras and phones store in the EXIF block of a JPEG (IFD1's
 * JPEGInterchangeFormat), typically 160×120, in the same stored orientation as the main image. The EXIF
 * block is read as a copy of its APP1 segment, so every read is bounded by it; anything malformed means no
 * preview.
 *
 * @param bytes the preview's own JPEG stream
 * @param size  its size as its frame header declares it
 */
record ExifThumbnail(byte[] bytes, Dimension size) {

    private static final int MAX_SEGMENTS = 64;
    private static final int TAG_OFFSET = 0x0201;
    private static final int TAG_LENGTH = 0x0202;
    private static final String EXIF = "Exif\0\0";

    /** The preview of a JPEG, or null when it has none that parses. */
    static ExifThumbnail find(byte[] jpeg) {
        try {
            JpegSegments segments = JpegSegments.of(jpeg);
            if (!segments.readStartOfImage()) {
                return null;
            }
            for (int i = 0; i < MAX_SEGMENTS; i++) {
                Segment segment = segments.next();
                int marker = segment.marker();
                if (marker == JpegMarker.SOS || marker == JpegMarker.EOI) {
                    return null;
                }
                int body = (int) segment.body();
                int end = body + segment.bodyLength();
                if (marker == JpegMarker.APP1 && end <= jpeg.length && startsWith(jpeg, body, end, EXIF)) {
                    return fromExif(Arrays.copyOfRange(jpeg, body + EXIF.length(), end));
                }
            }
        } catch (IOException | UnusableImageException e) {
            return null;
        }
        return null;
    }

    /** Reads IFD1 of the EXIF block's TIFF structure. */
    private static ExifThumbnail fromExif(byte[] exif) throws IOException {
        if (!TiffStructure.hasMagic(exif, 0)) {
            return null;
        }
        TiffStructure tiff = TiffStructure.at(exif, 0);
        long ifd1 = tiff.nextDirectory(tiff.firstDirectory());
        if (ifd1 <= 0) {
            return null;
        }
        long offset = -1;
        long length = -1;
        for (TiffStructure.Entry entry : tiff.directory(ifd1)) {
            if (entry.tag() == TAG_OFFSET) {
                offset = tiff.number(entry);
            } else if (entry.tag() == TAG_LENGTH) {
                length = tiff.number(entry);
            }
        }
        if (offset <= 0 || length <= 4 || offset + length > exif.length) {
            return null;
        }
        byte[] bytes = Arrays.copyOfRange(exif, (int) offset, (int) (offset + length));
        Dimension size = frameSize(bytes);
        return size == null ? null : new ExifThumbnail(bytes, size);
    }

    /** The size a baseline, extended or progressive Huffman frame header declares, or null. */
    private static Dimension frameSize(byte[] jpeg) throws IOException {
        JpegSegments segments = JpegSegments.of(jpeg);
        if (!segments.readStartOfImage()) {
            return null;
        }
        for (int i = 0; i < MAX_SEGMENTS; i++) {
            Segment segment = segments.next();
            int marker = segment.marker();
            if (marker == JpegMarker.SOS || marker == JpegMarker.EOI) {
                return null;
            }
            int body = (int) segment.body();
            if (marker >= JpegMarker.SOF0_BASELINE && marker <= JpegMarker.SOF2_PROGRESSIVE
                    && segment.bodyLength() >= 5 && body + 5 <= jpeg.length) {
                int height = (jpeg[body + 1] & 0xFF) << 8 | jpeg[body + 2] & 0xFF;
                int width = (jpeg[body + 3] & 0xFF) << 8 | jpeg[body + 4] & 0xFF;
                return width > 0 && height > 0 ? new Dimension(width, height) : null;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] data, int offset, int end, String prefix) {
        if (offset + prefix.length() > end) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[offset + i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
