package io.imgorigin.codec.turbojpeg;

import io.imgorigin.codec.jpeg.JpegFrame;
import io.imgorigin.codec.jpeg.JpegStructure;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;

import io.imgorigin.codec.NativeCodec;
import io.imgorigin.codec.NativeCodecOrdering;

/**
 * Offers {@link TurboJpegImageReader} to ImageIO ahead of the other JPEG readers, for the JPEGs it decodes
 * correctly; the others (CMYK, arithmetic-coded, 12-bit, lossless) fall through to the next reader.
 */
public final class TurboJpegImageReaderSpi extends ImageReaderSpi implements NativeCodec {

    static final String[] NAMES = {"jpeg", "JPEG", "jpg", "JPG"};
    static final String[] SUFFIXES = {"jpg", "jpeg", "jpe"};
    static final String[] MIME_TYPES = {"image/jpeg"};
    static final String VENDOR = "imgorigin";
    static final String VERSION = "1";

    public TurboJpegImageReaderSpi() {
        super(VENDOR, VERSION, NAMES, SUFFIXES, MIME_TYPES, TurboJpegImageReader.class.getName(),
                new Class<?>[] {ImageInputStream.class}, new String[] {TurboJpegImageWriterSpi.class.getName()},
                false, null, null, null, null, false, null, null, null, null);
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

    @Override
    public String getDescription(Locale locale) {
        return "JPEG reader backed by libjpeg-turbo";
    }

    @Override
    public String codecName() {
        return TurboJpegLibrary.CODEC_NAME;
    }

    @Override
    public void onRegistration(ServiceRegistry registry, Class<?> category) {
        if (!TurboJpegLibrary.isAvailable()) {
            registry.deregisterServiceProvider(this, ImageReaderSpi.class);
            return;
        }
        NativeCodecOrdering.apply(registry);
    }

}
