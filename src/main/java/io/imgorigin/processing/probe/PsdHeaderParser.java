package io.imgorigin.processing.probe;

import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnusableImageException;

/** A Photoshop document (PSD, or PSB when version is 2); its merged image is what gets served. */
final class PsdHeaderParser {

    private PsdHeaderParser() {
    }

    static boolean matches(byte[] data) {
        return HeaderBytes.startsWith(data, 0, "8BPS");
    }

    static ImageHeader parse(byte[] data) {
        int version = HeaderBytes.u16be(data, 4, "PSD");
        if (version != 1 && version != 2) {
            throw new UnusableImageException("the PSD declares an unknown version (" + version + ")");
        }
        int channels = HeaderBytes.u16be(data, 12, "PSD");
        int height = HeaderBytes.side(HeaderBytes.u32be(data, 14, "PSD"), "PSD");
        int width = HeaderBytes.side(HeaderBytes.u32be(data, 18, "PSD"), "PSD");
        int mode = HeaderBytes.u16be(data, 24, "PSD");
        // Bitmap, grayscale, indexed and duotone have one colour channel, CMYK four; extra channels are alpha.
        int colourChannels = switch (mode) {
            case 0, 1, 2, 8 -> 1;
            case 4 -> 4;
            default -> 3;
        };
        return new ImageHeader(SourceFormat.PSD, width, height, HeaderBytes.area(width, height), 1, 1, null,
                channels > colourChannels);
    }
}
