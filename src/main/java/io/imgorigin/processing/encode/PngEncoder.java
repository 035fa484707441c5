package io.imgorigin.processing.encode;

import java.awt.image.BufferedImage;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

import io.imgorigin.processing.pipeline.OutputFormat;

/** 8-bit RGB or RGBA PNG from the JDK writer, with no ancillary chunks. */
public final class PngEncoder implements ImageEncoder {

    /**
     * Deflate level 4 (ImageIO's quality 5/9): levels 1–3 skip lazy matching, which flat graphics need;
     * higher levels cost time for little on photographs.
     */
    private static final float COMPRESSION_QUALITY = 5f / 9f;

    @Override
    public OutputFormat format() {
        return OutputFormat.PNG;
    }

    @Override
    public byte[] encode(BufferedImage image, int quality) {
        ImageWriter writer = writer();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(COMPRESSION_QUALITY);
        return ImageWriting.write(writer, image, param);
    }

    private static ImageWriter writer() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio.plugins.png.")) {
                return writer;
            }
        }
        throw new IllegalStateException("the JDK PNG writer is missing");
    }
}
