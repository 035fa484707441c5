package io.imgorigin.codec;

import java.util.Locale;

import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;

/** Offers a reader backed by a native library to ImageIO, where the library loads (see {@link NativeFormat}). */
public abstract class NativeImageReaderSpi extends ImageReaderSpi implements NativeCodec {

    private final NativeFormat format;
    private final String description;

    /** @param writerSpi the provider of the writer that pairs with this reader, or null */
    protected NativeImageReaderSpi(NativeFormat format, String description, Class<? extends ImageReader> reader,
            Class<? extends ImageWriterSpi> writerSpi) {
        super(NativeFormat.VENDOR, NativeFormat.VERSION, format.names().toArray(String[]::new),
                format.suffixes().toArray(String[]::new), format.mimeTypes().toArray(String[]::new), reader.getName(),
                new Class<?>[] {ImageInputStream.class}, writerSpi == null ? null : new String[] {writerSpi.getName()},
                false, null, null, null, null, false, null, null, null, null);
        this.format = format;
        this.description = description;
    }

    @Override
    public String getDescription(Locale locale) {
        return description;
    }

    @Override
    public String codecName() {
        return format.codecName();
    }

    @Override
    public void onRegistration(ServiceRegistry registry, Class<?> category) {
        format.register(registry, this);
    }
}
