package io.imgorigin.processing;

import io.imgorigin.codec.NativeCodec;
import io.imgorigin.codec.NativeCodecOrdering;

import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.ImageReader;

/**
 * Which engine makes the bytes. Its {@link #version()} is part of every ETag, so it must change
 * whenever an upgrade changes output bytes: bump {@link #RELEASE} with any change to decoding,
 * resampling or encoding. The JPEG path is included because the two JPEG codecs give different bytes.
 * The PNG path is not: libspng and the JDK's reader decode to the same pixels, save for the rare 1, 2
 * and 4-bit gray PNGs with a tRNS colour key, which only the libspng path applies (see GrayKey).
 */
public record ProcessingEngine(String jpegPath, String pngPath) {

    static final String RELEASE = "3";
    private static final String IMAGEIO = "imageio";

    /**
     * Registers the ImageIO plugins on the class path and reports which JPEG and PNG readers serve:
     * the native one when it is allowed and registered itself (it does so only when its library loads).
     */
    public static ProcessingEngine detect(boolean nativeCodecs) {
        ImageIO.scanForPlugins();
        NativeCodecOrdering.apply();
        ImageIO.setUseCache(false);
        return new ProcessingEngine(readerPath("jpeg", nativeCodecs), readerPath("png", nativeCodecs));
    }

    public String version() {
        return "imgorigin-" + RELEASE + "/" + jpegPath;
    }

    private static String readerPath(String format, boolean nativeCodecs) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        while (nativeCodecs && readers.hasNext()) {
            ImageReader reader = readers.next();
            ImageReaderSpi provider = reader.getOriginatingProvider();
            reader.dispose();
            if (provider instanceof NativeCodec codec) {
                return codec.codecName();
            }
        }
        return IMAGEIO;
    }
}
