package io.imgorigin.codec;

import java.util.List;

import javax.imageio.spi.ServiceRegistry;

/**
 * A format as a native codec offers it to ImageIO: the names ImageIO knows the format by, and the codec's
 * name and library.
 *
 * @param codecName how the codec names itself (see {@link NativeCodec#codecName()})
 */
public record NativeFormat(String codecName, NativeLibrary<?> library, List<String> names, List<String> suffixes,
        List<String> mimeTypes) {

    public static final String VENDOR = "imgorigin";
    public static final String VERSION = "1";

    /**
     * What a provider of this format does on registration: where the library did not load it leaves the
     * registry, else it goes behind the pure-Java providers of the format.
     */
    public void register(ServiceRegistry registry, Object provider) {
        if (!library.available()) {
            registry.deregisterServiceProvider(provider);
            return;
        }
        NativeCodecOrdering.apply(registry);
    }
}
