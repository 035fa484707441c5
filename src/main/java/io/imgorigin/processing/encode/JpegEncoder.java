package io.imgorigin.processing.encode;

import java.awt.image.BufferedImage;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;

import io.imgorigin.codec.NativeCodec;
import io.imgorigin.processing.pipeline.OutputFormat;

/**
 * Progressive baseline-compatible JPEG with optimised Huffman tables and 4:2:0 chroma (the writers'
 * default for three-channel input), no thumbnail, no EXIF or ICC. Uses the native JPEG writer when it is
 * registered and native codecs are on, else the first pure-Java one.
 */
public final class JpegEncoder implements ImageEncoder {

    private final boolean nativeCodecs;

    public JpegEncoder(boolean nativeCodecs) {
        this.nativeCodecs = nativeCodecs;
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.JPEG;
    }

    @Override
    public byte[] encode(BufferedImage image, int quality) {
        ImageWriter writer = writer();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (param.canWriteCompressed()) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
        }
        if (param.canWriteProgressive()) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        if (param instanceof JPEGImageWriteParam jpeg) {
            jpeg.setOptimizeHuffmanTables(true);
        }
        return ImageWriting.write(writer, opaque(image), param);
    }

    /** The native writer when allowed and installed (the registry lists it last), else the first other. */
    private ImageWriter writer() {
        ImageWriter chosen = null;
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            boolean nativeWriter = writer.getOriginatingProvider() instanceof NativeCodec;
            if (nativeWriter && nativeCodecs) {
                if (chosen != null) {
                    chosen.dispose();
                }
                return writer;
            }
            if (chosen == null && !nativeWriter) {
                chosen = writer;
            } else {
                writer.dispose();
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("no JPEG writer is registered with ImageIO");
        }
        return chosen;
    }

    /**
     * The JDK writer would take a fourth channel for CMYK-like data, so anything but packed RGB is
     * redrawn as such; alpha should have been flattened before and is dropped here.
     */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            rgb.setRGB(0, y, row.length, 1, row, 0, row.length);
        }
        return rgb;
    }
}
