package io.imgorigin.codec.libjxl;

import java.awt.image.BufferedImage;
import java.io.IOException;

import javax.imageio.ImageReadParam;

import io.imgorigin.codec.RenderSizeReadParam;
import io.imgorigin.codec.WholeInputImageReader;

/**
 * Reads the first frame of a JPEG XL file with libjxl, upright by its own orientation and as 8-bit RGB(A)
 * (see {@link JxlDecoder}). Its read parameters take a render size and ignore it, so a caller never asks for
 * point subsampling that would not happen: the whole image is decoded. Source regions are ignored too.
 */
public final class JxlImageReader extends WholeInputImageReader<JxlDecoder.Info> {

    /** The most pixels this reader decodes; the probe's limit is far lower. */
    private static final long MAX_PIXELS = Integer.MAX_VALUE / 4;

    private final JxlLibrary library;

    JxlImageReader(JxlImageReaderSpi provider, JxlLibrary library) {
        super(provider, "JPEG XL", JxlDecoder.Info::width, JxlDecoder.Info::height);
        this.library = library;
    }

    @Override
    public ImageReadParam getDefaultReadParam() {
        return new RenderSizeReadParam();
    }

    @Override
    protected JxlDecoder.Info readHeader(byte[] input) throws IOException {
        return new JxlDecoder(library.require()).info(input);
    }

    @Override
    protected int imageType(byte[] input, JxlDecoder.Info header) {
        return header.alpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    @Override
    protected BufferedImage decode(byte[] input, JxlDecoder.Info header, ImageReadParam param) throws IOException {
        return new JxlDecoder(library.require()).decode(input, MAX_PIXELS);
    }
}
