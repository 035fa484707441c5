package io.imgorigin.codec.turbojpeg;

import java.awt.image.ColorModel;
import java.util.Locale;

import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageOutputStream;

import io.imgorigin.codec.NativeCodec;
import io.imgorigin.codec.NativeCodecOrdering;

/** Offers {@link TurboJpegImageWriter} to ImageIO ahead of the other JPEG writers, for opaque images. */
public final class TurboJpegImageWriterSpi extends ImageWriterSpi implements NativeCodec {

    public TurboJpegImageWriterSpi() {
        super(TurboJpegImageReaderSpi.VENDOR, TurboJpegImageReaderSpi.VERSION, TurboJpegImageReaderSpi.NAMES,
                TurboJpegImageReaderSpi.SUFFIXES, TurboJpegImageReaderSpi.MIME_TYPES, TurboJpegImageWriter.class.getName(),
                new Class<?>[] {ImageOutputStream.class}, new String[] {TurboJpegImageReaderSpi.class.getName()},
                false, null, null, null, null, false, null, null, null, null);
    }

    @Override
    public boolean canEncodeImage(ImageTypeSpecifier type) {
        ColorModel model = type.getColorModel();
        int components = model.getNumColorComponents();
        return !model.hasAlpha() && (components == 1 || components == 3);
    }

    @Override
    public ImageWriter createWriterInstance(Object extension) {
        return new TurboJpegImageWriter(this, TurboJpegLibrary.instance());
    }

    @Override
    public String getDescription(Locale locale) {
        return "JPEG writer backed by libjpeg-turbo";
    }

    @Override
    public String codecName() {
        return TurboJpegLibrary.CODEC_NAME;
    }

    @Override
    public void onRegistration(ServiceRegistry registry, Class<?> category) {
        if (!TurboJpegLibrary.isAvailable()) {
            registry.deregisterServiceProvider(this, ImageWriterSpi.class);
            return;
        }
        NativeCodecOrdering.apply(registry);
    }

}
