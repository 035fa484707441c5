package io.imgorigin.processing.probe;

import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * The Orientation tag of an EXIF block. EXIF is metadata: a block that is malformed in any way
 * leaves the image upright (1) rather than making it unusable, as libvips and browsers do.
 */
final class ExifOrientation {

    private static final String EXIF_PREFIX = "Exif\0\0";

    private ExifOrientation() {
    }

    /**
     * Reads the orientation from the TIFF structure at {@code offset}; a leading "Exif\0\0" (as JPEG
     * has it, and some PNG and WebP writers copy) is skipped.
     */
    static int read(byte[] data, int offset) {
        int base = HeaderBytes.startsWith(data, offset, EXIF_PREFIX) ? offset + EXIF_PREFIX.length() : offset;
        if (!TiffStructure.hasMagic(data, base)) {
            return 1;
        }
        try {
            TiffStructure tiff = TiffStructure.at(data, base);
            return orientationOf(tiff, tiff.firstDirectory());
        } catch (UnusableImageException e) {
            return 1;
        }
    }

    /** The orientation tag of the given directory, 1 when absent or outside 1..8. */
    static int orientationOf(TiffStructure tiff, long directory) {
        for (TiffStructure.Entry entry : tiff.directory(directory)) {
            if (entry.tag() == TiffStructure.TAG_ORIENTATION) {
                long value = tiff.number(entry);
                return value >= 1 && value <= 8 ? (int) value : 1;
            }
        }
        return 1;
    }
}
