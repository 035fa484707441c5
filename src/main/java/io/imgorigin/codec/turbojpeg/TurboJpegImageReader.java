package io.imgorigin.codec.turbojpeg;


import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;

import io.imgorigin.codec.WholeInputImageReader;

/**
 * Reads one JPEG image with libjpeg-turbo. Embedded colour profiles are not applied: the pixels come back
 * as decoded, in TYPE_INT_RGB for colour and TYPE_BYTE_GRAY for gray JPEGs. No metadata is read.
 */
public final class TurboJpegImageReader extends WholeInputImageReader {

    private final TurboJpegLibrary library;
    private byte[] data;
    private JpegHeader header;

    TurboJpegImageReader(TurboJpegImageReaderSpi provider, TurboJpegLibrary library) {
        super(provider);
        this.library = library;
    }

    @Override
    protected void forget() {
        data = null;
        header = null;
    }

    @Override
    public int getWidth(int imageIndex) throws IOException {
        return header(imageIndex).width();
    }

    @Override
    public int getHeight(int imageIndex) throws IOException {
        return header(imageIndex).height();
    }

    @Override
    public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) throws IOException {
        int type = header(imageIndex).isGray() ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        return List.of(ImageTypeSpecifier.createFromBufferedImageType(type)).iterator();
    }

    @Override
    public ImageReadParam getDefaultReadParam() {
        return new TurboJpegReadParam();
    }

    @Override
    public IIOMetadata getStreamMetadata() {
        return null;
    }

    @Override
    public IIOMetadata getImageMetadata(int imageIndex) throws IOException {
        header(imageIndex);
        return null;
    }

    @Override
    public BufferedImage read(int imageIndex, ImageReadParam param) throws IOException {
        JpegHeader jpeg = header(imageIndex);
        rejectUnsupported(param);
        DecodeScale scale = DecodeScale.choose(library.scalingFactors(), jpeg.width(), jpeg.height(), param);
        clearAbortRequest();
        processImageStarted(imageIndex);
        BufferedImage decoded = new TurboJpegDecoder(library.functions()).decode(data, jpeg, scale.factor());
        BufferedImage result = param == null ? decoded : RegionSampler.apply(decoded, param.getSourceRegion(),
                scale.factor(), scale.residualX(), scale.residualY(), param.getSubsamplingXOffset(),
                param.getSubsamplingYOffset());
        processImageComplete();
        return result;
    }

    private JpegHeader header(int imageIndex) throws IOException {
        if (imageIndex != 0) {
            throw new IndexOutOfBoundsException("a JPEG holds one image, not image " + imageIndex);
        }
        if (header == null) {
            byte[] bytes = wholeInput("JPEG");
            header = new TurboJpegDecoder(library.functions()).readHeader(bytes);
            data = bytes;
        }
        return header;
    }
}
