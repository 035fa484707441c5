package io.imgorigin.processing;

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
 * Puts every {@link NativeCodec} provider ahead of the other providers of its formats. A provider can
 * only order itself against those registered before it, and a later scan re-registers the others
 * without that ordering, so this runs once more after every scan.
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
        for (T preferred : providers) {
            if (!(preferred instanceof NativeCodec)) {
                continue;
            }
            for (T other : providers) {
                if (other != preferred && !(other instanceof NativeCodec) && sharesAFormat(preferred, other)) {
                    registry.unsetOrdering(category, other, preferred);
                    registry.setOrdering(category, preferred, other);
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
