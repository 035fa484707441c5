package io.imgorigin.codec.spng;

import io.imgorigin.codec.libdeflate.Libdeflate;
import io.imgorigin.codec.png.PngHeader;

import java.io.IOException;
import java.util.Locale;

import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;

import io.imgorigin.codec.NativeCodec;
import io.imgorigin.codec.NativeCodecOrdering;

/**
 * Offers {@link SpngImageReader} to ImageIO, behind the JDK's PNG reader (see {@link NativeCodecOrdering}),
 * for files that start with a valid PNG header. Without libspng it claims nothing and leaves the registry.
 */
public final class SpngImageReaderSpi extends ImageReaderSpi implements NativeCodec {

    static final String[] NAMES = {"png", "PNG"};
    static final String[] SUFFIXES = {"png"};
    static final String[] MIME_TYPES = {"image/png", "image/x-png"};
    static final String VENDOR = "imgorigin";
    static final String VERSION = "1";

    public SpngImageReaderSpi() {
        super(VENDOR, VERSION, NAMES, SUFFIXES, MIME_TYPES, SpngImageReader.class.getName(),
                new Class<?>[] {ImageInputStream.class}, null, false, null, null, null, null, false, null, null, null,
                null);
    }

    @Override
    public boolean canDecodeInput(Object source) throws IOException {
        if (!(source instanceof ImageInputStream stream) || !SpngLibrary.isAvailable()) {
            return false;
        }
        stream.mark();
        try {
            return PngHeader.read(stream).isPresent();
        } finally {
            stream.reset();
        }
    }

    @Override
    public ImageReader createReaderInstance(Object extension) {
        return new SpngImageReader(this, SpngLibrary.instance(), Libdeflate.instance());
    }

    @Override
    public String getDescription(Locale locale) {
        return "PNG reader backed by libspng";
    }

    @Override
    public String codecName() {
        return SpngLibrary.CODEC_NAME;
    }

    @Override
    public void onRegistration(ServiceRegistry registry, Class<?> category) {
        if (!SpngLibrary.isAvailable()) {
            registry.deregisterServiceProvider(this, ImageReaderSpi.class);
            return;
        }
        NativeCodecOrdering.apply(registry);
    }
}
