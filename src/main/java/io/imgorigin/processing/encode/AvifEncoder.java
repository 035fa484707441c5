package io.imgorigin.processing.encode;

import java.awt.image.BufferedImage;

import io.imgorigin.codec.libheif.AvifWriter;
import io.imgorigin.codec.libheif.HeifException;
import io.imgorigin.codec.libheif.HeifLibrary;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * AVIF through libheif and libaom: 8-bit sRGB, 4:2:0 below q 90 and 4:4:4 from 90, alpha kept, at the
 * configured encoder speed. One encoder thread per image: the CPU workers already run one image per core.
 */
public final class AvifEncoder implements ImageEncoder {

    private static final int THREADS = 1;

    private final int speed;
    private final int defaultQuality;

    /**
     * @param speed          {@code imgorigin.format.avif.speed}, 0..9
     * @param defaultQuality {@code imgorigin.format.quality.avif}
     */
    public AvifEncoder(int speed, int defaultQuality) {
        this.speed = speed;
        this.defaultQuality = defaultQuality;
    }

    /** Whether this server can write AVIF (libheif with an AV1 encoder). */
    public static boolean available() {
        return HeifLibrary.writesAvif();
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.AVIF;
    }

    @Override
    public int defaultQuality() {
        return defaultQuality;
    }

    @Override
    public byte[] encode(BufferedImage image, int quality) {
        if (!available()) {
            throw new IllegalStateException("AVIF output is not available: " + HeifLibrary.status());
        }
        try {
            return AvifWriter.create().write(image, quality, speed, THREADS);
        } catch (HeifException e) {
            throw new UnusableImageException("the image could not be encoded as AVIF: " + e.getMessage(), e);
        }
    }
}
