package io.imgorigin.processing.decode;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadProgressListener;

/**
 * Lets a truncated PNG or GIF be served the way lenient decoders (libvips, browsers) serve it: the
 * reader decodes into a destination allocated up front, so when the data ends early the rows decoded
 * so far are kept; the rest stay zero (transparent or black). Only images whose pixel decoding had
 * begun count; a failure in the header is still a failure.
 */
final class PartialDecode implements IIOReadProgressListener {

    private BufferedImage destination;
    private float progress;

    private PartialDecode() {
    }

    /** Gives the reader a destination of the size it will decode at and starts listening to its progress. */
    static PartialDecode prepare(ImageReader reader, ImageReadParam param) throws IOException {
        PartialDecode partial = new PartialDecode();
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (types == null || !types.hasNext()) {
            return partial;
        }
        int width = ceilDiv(reader.getWidth(0), param.getSourceXSubsampling());
        int height = ceilDiv(reader.getHeight(0), param.getSourceYSubsampling());
        partial.destination = types.next().createBufferedImage(width, height);
        param.setDestination(partial.destination);
        reader.addIIOReadProgressListener(partial);
        return partial;
    }

    /** The partly decoded image, or null when decoding never got to the pixels. */
    BufferedImage decodedSoFar() {
        return progress > 0 ? destination : null;
    }

    private static int ceilDiv(int size, int step) {
        return (size + step - 1) / step;
    }

    @Override
    public void imageProgress(ImageReader source, float percentageDone) {
        progress = Math.max(progress, percentageDone);
    }

    @Override
    public void sequenceStarted(ImageReader source, int minIndex) {
    }

    @Override
    public void sequenceComplete(ImageReader source) {
    }

    @Override
    public void imageStarted(ImageReader source, int imageIndex) {
    }

    @Override
    public void imageComplete(ImageReader source) {
    }

    @Override
    public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
    }

    @Override
    public void thumbnailProgress(ImageReader source, float percentageDone) {
    }

    @Override
    public void thumbnailComplete(ImageReader source) {
    }

    @Override
    public void readAborted(ImageReader source) {
    }
}
