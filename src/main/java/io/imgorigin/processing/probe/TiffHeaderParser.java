package io.imgorigin.processing.probe;

import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnusableImageException;

/** The first directory of a TIFF gives size, orientation, ICC profile and extra (alpha) samples. */
final class TiffHeaderParser {

    private static final int MAX_ICC_BYTES = 4 << 20;

    private TiffHeaderParser() {
    }

    static boolean matches(byte[] data) {
        return TiffStructure.hasMagic(data, 0);
    }

    static ImageHeader parse(byte[] data) {
        TiffStructure tiff = TiffStructure.at(data, 0);
        long width = 0;
        long height = 0;
        int orientation = 1;
        byte[] icc = null;
        boolean alpha = false;
        for (TiffStructure.Entry entry : tiff.directory(tiff.firstDirectory())) {
            switch (entry.tag()) {
                case TiffStructure.TAG_WIDTH -> width = tiff.number(entry);
                case TiffStructure.TAG_LENGTH -> height = tiff.number(entry);
                case TiffStructure.TAG_ORIENTATION -> {
                    long value = tiff.number(entry);
                    orientation = value >= 1 && value <= 8 ? (int) value : 1;
                }
                case TiffStructure.TAG_ICC_PROFILE -> icc = iccOrNull(tiff, entry);
                case TiffStructure.TAG_EXTRA_SAMPLES -> alpha = true;
                default -> {
                }
            }
        }
        if (width == 0 || height == 0) {
            throw new UnusableImageException("the TIFF's first directory has no image size");
        }
        int w = HeaderBytes.side(width, "TIFF");
        int h = HeaderBytes.side(height, "TIFF");
        int pages = tiff.countDirectories(GifHeaderParser.FRAME_COUNT_CAP);
        return new ImageHeader(SourceFormat.TIFF, w, h, HeaderBytes.area(w, h), pages, orientation, icc, alpha);
    }

    /** A profile that cannot be read is ignored, like any other unreadable metadata. */
    private static byte[] iccOrNull(TiffStructure tiff, TiffStructure.Entry entry) {
        try {
            return tiff.bytes(entry, MAX_ICC_BYTES);
        } catch (UnusableImageException e) {
            return null;
        }
    }
}
