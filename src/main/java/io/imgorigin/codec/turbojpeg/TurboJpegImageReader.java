package io.imgorigin.codec.turbojpeg;

import java.awt.image.BufferedImage;

import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;

import io.imgorigin.codec.RenderSizeReadParam;
import io.imgorigin.codec.WholeInputImageReader;

/**
 * Reads one JPEG image with libjpeg-turbo. Embedded colour profiles are not applied: the pixels come back
 * as decoded, in TYPE_INT_RGB for colour and TYPE_BYTE_GRAY for gray JPEGs.
 */
public final class TurboJpegImageReader extends WholeInputImageReader<JpegHeader> {

    private final TurboJpegLibrary library;

    TurboJpegImageReader(TurboJpegImageReaderSpi provider, TurboJpegLibrary library) {
        super(provider, "JPEG", JpegHeader::width, JpegHeader::height);
        this.library = library;
    }

    /**
     * The render size is a lower bound, unlike ImageIO's usual meaning: the image is decoded at the smallest
     * DCT scale that still covers it on both sides, so the result may be larger than asked, never smaller.
     */
    @Override
    public ImageReadParam getDefaultReadParam() {
        return new RenderSizeReadParam();
    }

    @Override
    protected JpegHeader readHeader(byte[] jpeg) throws IIOException {
        return new TurboJpegDecoder(library.functions()).readHeader(jpeg);
    }

    @Override
    protected int imageType(byte[] jpeg, JpegHeader header) {
        return header.isGray() ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
    }

    @Override
    protected BufferedImage decode(byte[] jpeg, JpegHeader header, ImageReadParam param) throws IIOException {
        DecodeScale scale = DecodeScale.choose(library.scalingFactors(), header.width(), header.height(), param);
        BufferedImage decoded = new TurboJpegDecoder(library.functions()).decode(jpeg, header, scale.factor());
        return param == null ? decoded : RegionSampler.apply(decoded, param.getSourceRegion(), scale.factor(),
                scale.residualX(), scale.residualY(), param.getSubsamplingXOffset(), param.getSubsamplingYOffset());
    }
}
