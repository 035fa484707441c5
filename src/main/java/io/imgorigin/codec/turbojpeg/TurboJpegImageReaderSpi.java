package io.imgorigin.codec.turbojpeg;

import io.imgorigin.codec.jpeg.JpegFrame;
import io.imgorigin.codec.jpeg.JpegStructure;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.imgorigin.codec.NativeFormat;
import io.imgorigin.codec.NativeImageReaderSpi;

/**
 * Offers {@link TurboJpegImageReader} to ImageIO for the JPEGs it decodes correctly; the others (CMYK,
 * arithmetic-coded, 12-bit, lossless) fall through to the next reader.
 */
public final class TurboJpegImageReaderSpi extends NativeImageReaderSpi {

    static final NativeFormat JPEG = new NativeFormat(TurboJpegLibrary.CODEC_NAME, TurboJpegLibrary.instance(),
            List.of("jpeg", "JPEG", "jpg", "JPG"), List.of("jpg", "jpeg", "jpe"), List.of("image/jpeg"));

    public TurboJpegImageReaderSpi() {
        super(JPEG, "JPEG reader backed by libjpeg-turbo", TurboJpegImageReader.class, TurboJpegImageWriterSpi.class);
    }

    @Override
    public boolean canDecodeInput(Object source) throws IOException {
        if (!(source instanceof ImageInputStream stream)) {
            return false;
        }
        stream.mark();
        try {
            Optional<JpegFrame> frame = JpegStructure.findFrame(stream);
            return frame.isPresent() && frame.get().decodableByTurboJpeg();
        } finally {
            stream.reset();
        }
    }

    @Override
    public ImageReader createReaderInstance(Object extension) {
        return new TurboJpegImageReader(this, TurboJpegLibrary.instance());
    }
}
