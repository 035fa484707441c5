package io.imgorigin.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageReaderWriterSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;

/**
 * Puts every {@link NativeCodec} provider behind the other providers of its formats. Other plugins
 * take the first registered reader for data they embed (TIFF asks for "JPEG" to decode JPEG-compressed
 * tiles, with read parameters and raster reads only the pure-Java readers implement), so the registry's
 * first choice stays a pure-Java one; the pipeline asks for the native codecs by name of their marker.
 * A provider can only order itself against those registered before it, and a later scan re-registers
 * the others without that ordering, so this runs once more after every scan.
 */
public final class NativeCodecOrdering {

    private NativeCodecOrdering() {
    }

    public static void apply(ServiceRegistry registry) {
        order(registry, ImageReaderSpi.class);
        order(registry, ImageWriterSpi.class);
    }

    public static void apply() {
        apply(IIORegistry.getDefaultInstance());
    }

    private static <T extends ImageReaderWriterSpi> void order(ServiceRegistry registry, Class<T> category) {
        List<T> providers = new ArrayList<>();
        Iterator<T> all = registry.getServiceProviders(category, false);
        all.forEachRemaining(providers::add);
        for (T nativeCodec : providers) {
            if (!(nativeCodec instanceof NativeCodec)) {
                continue;
            }
            for (T other : providers) {
                if (other != nativeCodec && !(other instanceof NativeCodec) && sharesAFormat(nativeCodec, other)) {
                    registry.unsetOrdering(category, nativeCodec, other);
                    registry.setOrdering(category, other, nativeCodec);
                }
            }
        }
    }

    private static boolean sharesAFormat(ImageReaderWriterSpi a, ImageReaderWriterSpi b) {
        String[] names = b.getFormatNames();
        return names != null && Arrays.stream(a.getFormatNames())
                .anyMatch(name -> Arrays.stream(names).anyMatch(name::equalsIgnoreCase));
    }
}
