package io.imgorigin.codec.libheif;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;

import javax.imageio.ImageReadParam;

import io.imgorigin.codec.RenderSizeReadParam;
import io.imgorigin.codec.WholeInputImageReader;

/**
 * Reads the primary image of an AVIF or HEIC file with libheif, upright by the file's own transformations
 * and in 8-bit sRGB (see {@link HeifDecoder}); its ICC profile, if any, is left for the caller. A source
 * render size asks for a thumbnail of at least that size where the file has one; the whole image is
 * decoded otherwise. Source regions and subsampling are not implemented and are ignored.
 */
public final class HeifImageReader extends WholeInputImageReader<HeifDecoder.Info> {

    private final HeifLibrary library;

    HeifImageReader(HeifImageReaderSpi provider, HeifLibrary library) {
        super(provider, "HEIF", HeifDecoder.Info::width, HeifDecoder.Info::height);
        this.library = library;
    }

    @Override
    public ImageReadParam getDefaultReadParam() {
        return new RenderSizeReadParam();
    }

    @Override
    protected HeifDecoder.Info readHeader(byte[] input) throws IOException {
        return new HeifDecoder(library.require()).info(input);
    }

    @Override
    protected int imageType(byte[] input, HeifDecoder.Info header) {
        return header.alpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    @Override
    protected BufferedImage decode(byte[] input, HeifDecoder.Info header, ImageReadParam param) throws IOException {
        Dimension wanted = param == null ? null : param.getSourceRenderSize();
        return new HeifDecoder(library.require()).decode(input, wanted);
    }
}
