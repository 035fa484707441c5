package io.imgorigin.processing.jpeg;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

import io.imgorigin.processing.WholeInput;

/**
 * Reads one JPEG image with libjpeg-turbo. Embedded colour profiles are not applied: the pixels come back
 * as decoded, in TYPE_INT_RGB for colour and TYPE_BYTE_GRAY for gray JPEGs. No metadata is read.
 */
public final class TurboJpegImageReader extends ImageReader {


    private final TurboJpegLibrary library;
    private long streamStart;
    private byte[] data;
    private JpegHeader header;

    TurboJpegImageReader(TurboJpegImageReaderSpi provider, TurboJpegLibrary library) {
        super(provider);
        this.library = library;
    }

    @Override
    public void setInput(Object input, boolean seekForwardOnly, boolean ignoreMetadata) {
        super.setInput(input, seekForwardOnly, ignoreMetadata);
        data = null;
        header = null;
        if (input instanceof ImageInputStream stream) {
            try {
                streamStart = stream.getStreamPosition();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the input's position", e);
            }
        }
    }

    @Override
    public void reset() {
        super.reset();
        data = null;
        header = null;
    }

    @Override
    public int getNumImages(boolean allowSearch) throws IOException {
        requireInput();
        return 1;
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
            byte[] bytes = WholeInput.read(requireInput(), streamStart, "JPEG");
            header = new TurboJpegDecoder(library.functions()).readHeader(bytes);
            data = bytes;
        }
        return header;
    }

    private ImageInputStream requireInput() {
        if (!(getInput() instanceof ImageInputStream stream)) {
            throw new IllegalStateException("input is not set");
        }
        return stream;
    }

    private static void rejectUnsupported(ImageReadParam param) throws IIOException {
        if (param == null) {
            return;
        }
        if (param.getDestination() != null || param.getDestinationType() != null) {
            throw new IIOException("this reader creates its own destination image");
        }
        if (param.getSourceBands() != null || param.getDestinationBands() != null) {
            throw new IIOException("this reader does not select bands");
        }
        if (param.getDestinationOffset().x != 0 || param.getDestinationOffset().y != 0) {
            throw new IIOException("this reader does not offset its destination");
        }
    }
}
