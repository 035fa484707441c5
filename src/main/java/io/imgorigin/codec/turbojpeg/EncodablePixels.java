package io.imgorigin.codec.turbojpeg;

import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.RenderedImage;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * An image's pixels laid out as TurboJPEG reads them, taken straight from the image's data array when its
 * layout is one the library knows (packed RGB ints, BGR bytes, gray bytes) and from a converted copy
 * otherwise.
 *
 * @param array int[] or byte[] holding the pixels
 * @param offset index of the top-left pixel's first element in the array
 * @param length number of elements from the offset to the end of the last pixel
 * @param pitchElements elements from the start of one row to the start of the next
 * @param pixelFormat the TJPF_* layout of a pixel
 * @param subsampling TJSAMP_* to compress with: 4:2:0 for colour, gray for gray
 */
record EncodablePixels(Object array, int offset, int length, int pitchElements, int width, int height,
        int pixelFormat, int subsampling) {

    private static final int[] RGB_MASKS = {0xFF0000, 0xFF00, 0xFF};
    private static final int[] BGR_BAND_OFFSETS = {2, 1, 0};
    private static final int[] GRAY_BAND_OFFSETS = {0};

    static EncodablePixels of(BufferedImage image) {
        return switch (image.getType()) {
            case BufferedImage.TYPE_INT_RGB -> fromIntRgb(image);
            case BufferedImage.TYPE_3BYTE_BGR -> fromBytes(image, BGR_BAND_OFFSETS, TurboJpegConstants.TJPF_BGR,
                    TurboJpegConstants.TJSAMP_420);
            case BufferedImage.TYPE_BYTE_GRAY -> fromBytes(image, GRAY_BAND_OFFSETS, TurboJpegConstants.TJPF_GRAY,
                    TurboJpegConstants.TJSAMP_GRAY);
            default -> of(convert(image));
        };
    }

    int bytesPerElement() {
        return array instanceof int[] ? Integer.BYTES : Byte.BYTES;
    }

    private static EncodablePixels fromIntRgb(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        if (!(raster.getSampleModel() instanceof SinglePixelPackedSampleModel model)
                || !(raster.getDataBuffer() instanceof DataBufferInt buffer)
                || !Arrays.equals(model.getBitMasks(), RGB_MASKS)) {
            return of(convert(image));
        }
        int stride = model.getScanlineStride();
        return new EncodablePixels(buffer.getData(), firstElement(raster, buffer.getOffset()),
                stride * (image.getHeight() - 1) + image.getWidth(), stride, image.getWidth(), image.getHeight(),
                TurboJpegConstants.TJPF_INT_RGB, TurboJpegConstants.TJSAMP_420);
    }

    private static EncodablePixels fromBytes(BufferedImage image, int[] bandOffsets, int pixelFormat, int subsampling) {
        WritableRaster raster = image.getRaster();
        if (!(raster.getSampleModel() instanceof ComponentSampleModel model)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer)
                || buffer.getNumBanks() != 1
                || model.getPixelStride() != bandOffsets.length
                || !Arrays.equals(model.getBandOffsets(), bandOffsets)) {
            return of(convert(image));
        }
        int stride = model.getScanlineStride();
        return new EncodablePixels(buffer.getData(), firstElement(raster, buffer.getOffset()),
                stride * (image.getHeight() - 1) + image.getWidth() * bandOffsets.length, stride, image.getWidth(),
                image.getHeight(), pixelFormat, subsampling);
    }

    /** Index of the first element of pixel (0, 0), which for a sub-image lies inside its parent's array. */
    private static int firstElement(WritableRaster raster, int bufferOffset) {
        SampleModel model = raster.getSampleModel();
        int x = raster.getMinX() - raster.getSampleModelTranslateX();
        int y = raster.getMinY() - raster.getSampleModelTranslateY();
        int first = Integer.MAX_VALUE;
        for (int band = 0; band < model.getNumBands(); band++) {
            first = Math.min(first, sampleOffset(model, x, y, band));
        }
        return bufferOffset + first;
    }

    private static int sampleOffset(SampleModel model, int x, int y, int band) {
        return model instanceof ComponentSampleModel component
                ? component.getOffset(x, y, band)
                : ((SinglePixelPackedSampleModel) model).getOffset(x, y);
    }

    /** Gray images become 8-bit gray, everything else packed RGB. */
    private static BufferedImage convert(BufferedImage image) {
        ColorModel model = image.getColorModel();
        boolean gray = model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(),
                gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** A BufferedImage view of any RenderedImage, copying its data only when it is not one already. */
    static BufferedImage asBufferedImage(RenderedImage image) {
        if (image instanceof BufferedImage buffered) {
            return buffered;
        }
        WritableRaster raster = image.copyData(null).createWritableTranslatedChild(0, 0);
        ColorModel model = image.getColorModel();
        return new BufferedImage(model, raster, model.isAlphaPremultiplied(), null);
    }
}
