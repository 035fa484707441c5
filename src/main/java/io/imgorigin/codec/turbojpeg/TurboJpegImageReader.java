package io.imgorigin.codec.turbojpeg;

import java.awt.image.BufferedImage;

import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;

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

    @Override
    public ImageReadParam getDefaultReadParam() {
        return new TurboJpegReadParam();
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
