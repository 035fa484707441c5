package io.imgorigin.codec.spng;

import io.imgorigin.codec.png.PngHeader;
import io.imgorigin.codec.png.SampleGrid;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.lang.foreign.MemorySegment;

import javax.imageio.IIOException;

/**
 * Decodes PNGs held in memory with libspng into TYPE_INT_ARGB when the file has alpha (an alpha channel
 * or a tRNS chunk) and TYPE_INT_RGB otherwise. An 8-bit image wanted whole is decoded in one call
 * straight into the result's pixels; the others (subsampled, a region, 16-bit) are decoded row by row
 * into one reused row, keeping only the pixels asked for, so memory follows the result, not the source.
 * libspng applies tRNS itself, except the colour key of 1, 2 and 4-bit gray, which {@link GrayKey} applies.
 */
final class SpngDecoder {

    private static final long MAX_PIXELS = Integer.MAX_VALUE - 8;

    private final SpngFunctions spng;

    SpngDecoder(SpngFunctions spng) {
        this.spng = spng;
    }

    BufferedImage decode(byte[] png, PngHeader header, SampleGrid grid) throws IIOException {
        if ((long) grid.columns() * grid.rows() > MAX_PIXELS) {
            throw new IIOException("PNG too large to decode: " + grid.columns() + "x" + grid.rows());
        }
        try (SpngContext context = open(png, header)) {
            boolean transparency = context.hasTransparency();
            boolean alpha = header.hasAlphaChannel() || transparency;
            GrayKey key = GrayKey.applies(header, transparency)
                    ? GrayKey.of(context.transparentGray(), header.bitDepth()) : null;
            BufferedImage image = new BufferedImage(grid.columns(), grid.rows(),
                    alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            if (grid.coversWhole(header.width(), header.height()) && !header.sixteenBit()) {
                decodeWhole(context, pixels, alpha, key == null);
            } else {
                decodeRows(context, header, new RowSampler(grid, pixels, alpha, header.interlaced()), grid,
                        key == null);
            }
            if (key != null) {
                key.apply(pixels);
            }
            return image;
        }
    }

    /** Whether the decoded image has alpha, without decoding it. */
    boolean hasAlpha(byte[] png, PngHeader header) throws IIOException {
        if (header.hasAlphaChannel()) {
            return true;
        }
        try (SpngContext context = open(png, header)) {
            return context.hasTransparency();
        }
    }

    private SpngContext open(byte[] png, PngHeader header) throws IIOException {
        SpngContext context = new SpngContext(spng);
        try {
            context.setInput(png, header);
            PngHeader read = context.header();
            if (!read.equals(header)) {
                throw new IIOException("libspng reads the PNG header as " + read + ", not " + header);
            }
            return context;
        } catch (IIOException | RuntimeException e) {
            context.close();
            throw e;
        }
    }

    private static void decodeWhole(SpngContext context, int[] pixels, boolean alpha, boolean applyTransparency)
            throws IIOException {
        long size = context.decodedSize(SpngConstants.SPNG_FMT_RGBA8);
        if (size != pixels.length * 4L) {
            throw new IIOException("libspng would decode " + size + " bytes, not " + pixels.length * 4L);
        }
        context.decodeImage(MemorySegment.ofArray(pixels), SpngConstants.SPNG_FMT_RGBA8, applyTransparency);
        RgbaPixels.toArgbInPlace(pixels, alpha);
    }

    /**
     * Rows of a non-interlaced image come in order, so decoding stops after the last one wanted; an
     * interlaced image's last pass revisits every other row, so it is read to the end.
     */
    private static void decodeRows(SpngContext context, PngHeader header, RowSampler sampler, SampleGrid grid,
            boolean applyTransparency) throws IIOException {
        boolean sixteenBit = header.sixteenBit();
        int format = sixteenBit ? SpngConstants.SPNG_FMT_RGBA16 : SpngConstants.SPNG_FMT_RGBA8;
        long rowSamples = sixteenBit ? header.width() * 4L : header.width();
        if (rowSamples > MAX_PIXELS) {
            throw new IIOException("PNG rows too long to decode: " + header.width() + " pixels");
        }
        long size = context.decodedSize(format);
        if (size != rowSamples * (sixteenBit ? 2 : 4) * header.height()) {
            throw new IIOException("libspng would decode " + size + " bytes, not " + rowSamples + " samples per row");
        }
        int[] row8 = sixteenBit ? null : new int[header.width()];
        short[] row16 = sixteenBit ? new short[header.width() * 4] : null;
        MemorySegment row = sixteenBit ? MemorySegment.ofArray(row16) : MemorySegment.ofArray(row8);
        context.startRows(format, applyTransparency);
        boolean more = true;
        while (more) {
            SpngContext.Row position = context.nextRow();
            more = context.decodeRow(row);
            if (sixteenBit) {
                sampler.take(position.number(), position.pass(), row16);
            } else {
                sampler.take(position.number(), position.pass(), row8);
            }
            if (!header.interlaced() && position.number() >= grid.lastRow()) {
                break;
            }
        }
    }
}
