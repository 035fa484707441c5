package io.imgorigin.processing;

import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.ImageReader;

/**
 * Which engine makes the bytes. Its {@link #version()} is part of every ETag, so it must change
 * whenever an upgrade changes output bytes: bump {@link #RELEASE} with any change to decoding,
 * resampling or encoding. The JPEG path is included because the two JPEG codecs give different bytes.
 */
public record ProcessingEngine(String jpegPath) {

    static final String RELEASE = "1";

    /**
     * Registers the ImageIO plugins on the class path and reports which JPEG codec serves: the
     * native one when it is allowed and registered itself (it does so only when its library loads).
     */
    public static ProcessingEngine detect(boolean nativeCodecs) {
        ImageIO.scanForPlugins();
        NativeCodecOrdering.apply();
        ImageIO.setUseCache(false);
        String path = "imageio";
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        while (nativeCodecs && readers.hasNext()) {
            ImageReader reader = readers.next();
            ImageReaderSpi provider = reader.getOriginatingProvider();
            reader.dispose();
            if (provider instanceof NativeCodec) {
                path = "turbojpeg";
                break;
            }
        }
        return new ProcessingEngine(path);
    }

    public String version() {
        return "imgorigin-" + RELEASE + "/" + jpegPath;
    }
}
