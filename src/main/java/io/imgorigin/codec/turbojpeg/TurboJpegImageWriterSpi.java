package io.imgorigin.codec.turbojpeg;

import java.awt.image.ColorModel;
import java.util.Locale;

import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageOutputStream;

import io.imgorigin.codec.NativeCodec;
import io.imgorigin.codec.NativeFormat;

/** Offers {@link TurboJpegImageWriter} to ImageIO for opaque images, where libturbojpeg loads. */
public final class TurboJpegImageWriterSpi extends ImageWriterSpi implements NativeCodec {

    private static final NativeFormat JPEG = TurboJpegImageReaderSpi.JPEG;

    public TurboJpegImageWriterSpi() {
        super(NativeFormat.VENDOR, NativeFormat.VERSION, JPEG.names().toArray(String[]::new),
                JPEG.suffixes().toArray(String[]::new), JPEG.mimeTypes().toArray(String[]::new),
                TurboJpegImageWriter.class.getName(), new Class<?>[] {ImageOutputStream.class},
                new String[] {TurboJpegImageReaderSpi.class.getName()}, false, null, null, null, null, false, null, null,
                null, null);
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
        return JPEG.codecName();
    }

    @Override
    public void onRegistration(ServiceRegistry registry, Class<?> category) {
        JPEG.register(registry, this);
    }
}
