package io.imgorigin.processing.encode;

import java.awt.image.BufferedImage;
import java.util.Locale;

import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;

import io.imgorigin.processing.pipeline.OutputFormat;

/** Lossy WebP (libwebp through webp-imageio) at the request's quality, alpha kept. */
public final class WebpEncoder implements ImageEncoder {

    /** libwebp's method 0..6 trades speed for size (4 is libwebp's default); 2 is the trade made here. */
    private static final int METHOD = 2;

    private final WebPImageWriterSpi provider = new WebPImageWriterSpi();

    @Override
    public OutputFormat format() {
        return OutputFormat.WEBP;
    }

    @Override
    public byte[] encode(BufferedImage image, int quality) {
        ImageWriter writer = provider.createWriterInstance(null);
        WebPWriteParam param = new WebPWriteParam(Locale.ROOT);
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("Lossy");
        param.setCompressionQuality(quality / 100f);
        param.setMethod(METHOD);
        return ImageWriting.write(writer, image, param);
    }
}
