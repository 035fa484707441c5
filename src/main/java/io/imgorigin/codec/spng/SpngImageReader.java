package io.imgorigin.codec.spng;

import io.imgorigin.codec.libdeflate.Libdeflate;
import io.imgorigin.codec.png.PngHeader;
import io.imgorigin.codec.png.SampleGrid;

import java.awt.image.BufferedImage;

import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;

import io.imgorigin.codec.WholeInputImageReader;

/**
 * Reads a PNG's image (an APNG's default image) with libspng, honouring the source region and
 * subsampling of an ImageReadParam; a whole image that {@link InflatingPngDecoder} takes is read by it
 * when libdeflate is present. Like the JDK's reader it applies neither gAMA nor iCCP and returns
 * the stored values, 16-bit ones rounded to 8 bits; tRNS transparency is applied.
 */
public final class SpngImageReader extends WholeInputImageReader<PngHeader> {

    private final SpngLibrary library;
    private final Libdeflate libdeflate;

    SpngImageReader(SpngImageReaderSpi provider, SpngLibrary library, Libdeflate libdeflate) {
        super(provider, "PNG", PngHeader::width, PngHeader::height);
        this.library = library;
        this.libdeflate = libdeflate;
    }

    @Override
    protected PngHeader readHeader(byte[] png) throws IIOException {
        return PngHeader.parse(png).orElseThrow(() -> new IIOException("not a PNG this reader decodes"));
    }

    @Override
    protected int imageType(byte[] png, PngHeader header) throws IIOException {
        boolean alpha = new SpngDecoder(library.require()).hasAlpha(png, header);
        return alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    @Override
    protected BufferedImage decode(byte[] png, PngHeader header, ImageReadParam param) throws IIOException {
        SampleGrid grid = param == null ? SampleGrid.whole(header.width(), header.height())
                : SampleGrid.of(getSourceRegion(param, header.width(), header.height()), param.getSourceXSubsampling(),
                        param.getSourceYSubsampling());
        BufferedImage image = grid.coversWhole(header.width(), header.height()) ? inflated(png, header) : null;
        return image != null ? image : new SpngDecoder(library.require()).decode(png, header, grid);
    }

    /**
     * The whole image by the faster path when libdeflate is present and the file is one it takes, else
     * null. A failure there is not final: libspng, which reads some damaged files that the strict
     * whole-buffer path refuses (surplus image data, for one), decides instead.
     */
    private BufferedImage inflated(byte[] png, PngHeader header) {
        if (!libdeflate.available() || !InflatingPngDecoder.takes(header)) {
            return null;
        }
        try {
            return new InflatingPngDecoder(libdeflate).decode(png, header);
        } catch (IIOException e) {
            return null;
        }
    }
}
