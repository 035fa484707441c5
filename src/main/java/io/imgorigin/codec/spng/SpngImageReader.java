package io.imgorigin.codec.spng;

import io.imgorigin.codec.libdeflate.Libdeflate;
import io.imgorigin.codec.png.PngHeader;
import io.imgorigin.codec.png.SampleGrid;

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
 * Reads a PNG's image (an APNG's default image) with libspng, honouring the source region and
 * subsampling of an ImageReadParam; a whole image that {@link InflatingPngDecoder} takes is read by it
 * when libdeflate is present. Like the JDK's reader it applies neither gAMA nor iCCP and returns
 * the stored values, 16-bit ones rounded to 8 bits; tRNS transparency is applied. No metadata is read.
 */
public final class SpngImageReader extends WholeInputImageReader {

    private final SpngLibrary library;
    private final Libdeflate libdeflate;
    private byte[] data;
    private PngHeader header;

    SpngImageReader(SpngImageReaderSpi provider, SpngLibrary library, Libdeflate libdeflate) {
        super(provider);
        this.library = library;
        this.libdeflate = libdeflate;
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
        PngHeader png = header(imageIndex);
        boolean alpha = new SpngDecoder(library.functions()).hasAlpha(data, png);
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        return List.of(ImageTypeSpecifier.createFromBufferedImageType(type)).iterator();
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
        PngHeader png = header(imageIndex);
        rejectUnsupported(param);
        SampleGrid grid = param == null ? SampleGrid.whole(png.width(), png.height())
                : SampleGrid.of(getSourceRegion(param, png.width(), png.height()), param.getSourceXSubsampling(),
                        param.getSourceYSubsampling());
        clearAbortRequest();
        processImageStarted(imageIndex);
        BufferedImage image = null;
        if (grid.coversWhole(png.width(), png.height())) {
            image = inflated(png);
        }
        if (image == null) {
            image = new SpngDecoder(library.functions()).decode(data, png, grid);
        }
        processImageComplete();
        return image;
    }

    /**
     * The whole image by the faster path when libdeflate is present and the file is one it takes, else
     * null. A failure there is not final: libspng, which reads some damaged files that the strict
     * whole-buffer path refuses (surplus image data, for one), decides instead.
     */
    private BufferedImage inflated(PngHeader png) {
        if (!libdeflate.available() || !InflatingPngDecoder.takes(png)) {
            return null;
        }
        try {
            return new InflatingPngDecoder(libdeflate).decode(data, png);
        } catch (IIOException e) {
            return null;
        }
    }

    private PngHeader header(int imageIndex) throws IOException {
        if (imageIndex != 0) {
            throw new IndexOutOfBoundsException("this reader reads a PNG's one image, not image " + imageIndex);
        }
        if (header == null) {
            byte[] bytes = wholeInput("PNG");
            header = PngHeader.parse(bytes).orElseThrow(() -> new IIOException("not a PNG this reader decodes"));
            data = bytes;
        }
        return header;
    }
}
