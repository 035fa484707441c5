package io.imgorigin.codec.turbojpeg;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Locale;

import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes one opaque image as a JPEG with libjpeg-turbo: 4:2:0 chroma subsampling for colour, a single
 * channel for gray, a JFIF header and no other metadata. Honours the quality and progressive mode of a
 * {@link JPEGImageWriteParam}.
 */
public final class TurboJpegImageWriter extends ImageWriter {

    /** The quality ImageIO's own JPEG writer uses when none is given. */
    static final int DEFAULT_QUALITY = 75;

    private final TurboJpegLibrary library;

    TurboJpegImageWriter(TurboJpegImageWriterSpi provider, TurboJpegLibrary library) {
        super(provider);
        this.library = library;
    }

    @Override
    public ImageWriteParam getDefaultWriteParam() {
        return new JPEGImageWriteParam(getLocale() != null ? getLocale() : Locale.getDefault());
    }

    @Override
    public IIOMetadata getDefaultStreamMetadata(ImageWriteParam param) {
        return null;
    }

    @Override
    public IIOMetadata getDefaultImageMetadata(ImageTypeSpecifier imageType, ImageWriteParam param) {
        return null;
    }

    @Override
    public IIOMetadata convertStreamMetadata(IIOMetadata inData, ImageWriteParam param) {
        return null;
    }

    @Override
    public IIOMetadata convertImageMetadata(IIOMetadata inData, ImageTypeSpecifier imageType, ImageWriteParam param) {
        return null;
    }

    @Override
    public void write(IIOMetadata streamMetadata, IIOImage image, ImageWriteParam param) throws IOException {
        if (!(getOutput() instanceof ImageOutputStream output)) {
            throw new IllegalStateException("output is not set");
        }
        if (image.hasRaster()) {
            throw new UnsupportedOperationException("this writer writes images, not rasters");
        }
        rejectUnsupported(param);
        BufferedImage buffered = EncodablePixels.asBufferedImage(image.getRenderedImage());
        if (buffered.getColorModel().hasAlpha()) {
            throw new IIOException("JPEG has no alpha channel: flatten the image before writing it");
        }
        clearAbortRequest();
        processImageStarted(0);
        byte[] jpeg = new TurboJpegEncoder(library.functions())
                .encode(EncodablePixels.of(buffered), quality(param), progressive(param));
        output.write(jpeg);
        output.flush();
        processImageComplete();
    }

    private static int quality(ImageWriteParam param) {
        if (param == null || !param.canWriteCompressed() || param.getCompressionMode() != ImageWriteParam.MODE_EXPLICIT) {
            return DEFAULT_QUALITY;
        }
        return Math.clamp(Math.round(param.getCompressionQuality() * 100), 1, 100);
    }

    private static boolean progressive(ImageWriteParam param) {
        return param != null && param.canWriteProgressive() && param.getProgressiveMode() == ImageWriteParam.MODE_DEFAULT;
    }

    private static void rejectUnsupported(ImageWriteParam param) throws IIOException {
        if (param == null) {
            return;
        }
        if (param.getSourceRegion() != null || param.getSourceXSubsampling() != 1 || param.getSourceYSubsampling() != 1) {
            throw new IIOException("this writer writes whole images: crop or scale before writing");
        }
        if (param.getSourceBands() != null) {
            throw new IIOException("this writer does not select bands");
        }
    }
}
