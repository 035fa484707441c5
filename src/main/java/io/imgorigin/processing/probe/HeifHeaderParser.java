package io.imgorigin.processing.probe;

import io.imgorigin.codec.heif.HeifStructure;
import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * AVIF and HEIC: the primary image's size as displayed (its irot and clap applied, which are its orientation:
 * EXIF orientation is not applied on top), alpha, ICC profile, and the largest coded item, all from the boxes.
 */
final class HeifHeaderParser {

    private HeifHeaderParser() {
    }

    static boolean matches(byte[] data) {
        return HeifStructure.matches(data);
    }

    static ImageHeader parse(byte[] data) {
        String brand = HeifStructure.brand(data);
        SourceFormat format = "avif".equals(brand) ? SourceFormat.AVIF : SourceFormat.HEIC;
        HeifStructure structure = HeifStructure.parse(data).orElseThrow(() -> new UnusableImageException("the "
                + format + " file's boxes are truncated or inconsistent, or do not give its primary image's size"));
        return new ImageHeader(format, structure.width(), structure.height(), structure.codedPixels(), 1, 1,
                structure.iccProfile(), structure.alpha());
    }
}
