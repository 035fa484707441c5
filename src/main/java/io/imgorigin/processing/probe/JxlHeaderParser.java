package io.imgorigin.processing.probe;

import javax.imageio.IIOException;

import io.imgorigin.codec.libjxl.JxlDecoder;
import io.imgorigin.codec.libjxl.JxlLibrary;
import io.imgorigin.codec.libjxl.JxlSignature;
import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * JPEG XL, recognised by its codestream or container signature and sized by libjxl's basic-info and
 * colour-encoding events, which read the headers only: no pixel is decoded before the limits are checked.
 * The size is as displayed, since libjxl applies the codestream's orientation (so the orientation here is
 * 1 and EXIF is not applied on top); the ICC profile is that of the pixels libjxl will output (none when it
 * outputs sRGB). Without libjxl a JPEG XL source is unsupported (415).
 */
final class JxlHeaderParser {

    private JxlHeaderParser() {
    }

    static boolean matches(byte[] data) {
        return JxlSignature.matches(data);
    }

    static ImageHeader parse(byte[] data) {
        if (!JxlLibrary.readsJxl()) {
            throw new UnsupportedImageException("JPEG XL is not read on this server: " + JxlLibrary.status());
        }
        JxlDecoder.Info info;
        try {
            info = JxlDecoder.readInfo(data);
        } catch (IIOException e) {
            throw new UnusableImageException("the JPEG XL header could not be read: " + e.getMessage(), e);
        }
        int width = HeaderBytes.side(info.width(), "JPEG XL");
        int height = HeaderBytes.side(info.height(), "JPEG XL");
        return new ImageHeader(SourceFormat.JXL, width, height, HeaderBytes.area(width, height),
                info.animated() ? -1 : 1, 1, info.icc(), info.alpha());
    }
}
