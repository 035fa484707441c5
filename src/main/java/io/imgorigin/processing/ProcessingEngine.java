package io.imgorigin.processing;

import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * Which engine makes the bytes. Its {@link #version()} is part of every ETag, so it must change
 * whenever an upgrade changes output bytes: bump {@link #RELEASE} with any change to decoding,
 * resampling or encoding. The JPEG path is included because the two JPEG codecs give different bytes.
 */
public record ProcessingEngine(String jpegPath) {

    static final String RELEASE = "1";

    /** Registers the ImageIO plugins on the class path and reports which JPEG codec ImageIO prefers. */
    public static ProcessingEngine detect() {
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        String path = "imageio";
        if (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().toLowerCase(Locale.ROOT).contains("turbojpeg")) {
                path = "turbojpeg";
            }
            reader.dispose();
        }
        return new ProcessingEngine(path);
    }

    public String version() {
        return "imgorigin-" + RELEASE + "/" + jpegPath;
    }
}
