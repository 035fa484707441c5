package io.imgorigin.processing.jpeg;

import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.spi.ImageReaderWriterSpi;
import javax.imageio.spi.ServiceRegistry;

/** Puts a provider ahead of every other JPEG provider already registered in the same category. */
final class JpegProviderOrdering {

    private JpegProviderOrdering() {
    }

    static <T extends ImageReaderWriterSpi> void preferOverOtherJpegProviders(ServiceRegistry registry, Class<T> category,
            T preferred) {
        Iterator<T> providers = registry.getServiceProviders(category, false);
        while (providers.hasNext()) {
            T other = providers.next();
            if (other != preferred && handlesJpeg(other)) {
                registry.unsetOrdering(category, other, preferred);
                registry.setOrdering(category, preferred, other);
            }
        }
    }

    private static boolean handlesJpeg(ImageReaderWriterSpi provider) {
        String[] names = provider.getFormatNames();
        return names != null && Arrays.stream(names).anyMatch("jpeg"::equalsIgnoreCase);
    }
}
