package io.imgorigin.processing.decode;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.twelvemonkeys.imageio.color.ColorSpaces;

/**
 * Reads a CMYK or YCCK JPEG that embeds no CMYK profile as its CMYK values, so that a real profile
 * can be assigned to them: asked for an image, the TwelveMonkeys reader would convert them with a
 * naive formula. The raw scan data is undone the way that reader does it for profiled files: Adobe
 * CMYK is stored inverted, and YCCK holds YCbCr-coded C, M, Y beside an inverted K.
 */
final class UntaggedCmykJpeg {

    private static final String NATIVE_METADATA = "javax_imageio_jpeg_image_1.0";
    private static final int ADOBE_YCCK = 2;

    private UntaggedCmykJpeg() {
    }

    /**
     * The CMYK image in a colour space that is not an ICC one, or null when the source is not CMYK or
     * YCCK, or embeds a CMYK profile (the reader then converts through that profile itself).
     */
    static BufferedImage read(ImageReader reader, ImageReadParam param) throws IOException {
        if (!offersOnlyUntaggedCmyk(reader) || !reader.canReadRaster()) {
            return null;
        }
        boolean ycck = adobeTransform(reader) == ADOBE_YCCK;
        Raster raw = reader.readRaster(0, param);
        if (raw.getNumBands() != 4 || raw.getTransferType() != DataBuffer.TYPE_BYTE) {
            return null;
        }
        ColorModel model = new ComponentColorModel(ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK), false,
                false, ColorModel.OPAQUE, DataBuffer.TYPE_BYTE);
        int width = raw.getWidth();
        int height = raw.getHeight();
        WritableRaster cmyk = model.createCompatibleWritableRaster(width, height);
        int[] row = new int[width * 4];
        for (int y = 0; y < height; y++) {
            raw.getPixels(raw.getMinX(), raw.getMinY() + y, width, 1, row);
            for (int i = 0; i < row.length; i += 4) {
                if (ycck) {
                    fromYcck(row, i);
                } else {
                    for (int c = 0; c < 4; c++) {
                        row[i + c] = 255 - row[i + c];
                    }
                }
            }
            cmyk.setPixels(0, y, width, 1, row);
        }
        return new BufferedImage(model, cmyk, false, null);
    }

    /**
     * The reader offers a CMYK destination only for CMYK and YCCK sources; one in an ICC colour space
     * means the embedded profile is usable.
     */
    private static boolean offersOnlyUntaggedCmyk(ImageReader reader) throws IOException {
        boolean cmyk = false;
        for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext();) {
            ColorSpace space = types.next().getColorModel().getColorSpace();
            if (space.getType() == ColorSpace.TYPE_CMYK) {
                if (space instanceof ICC_ColorSpace) {
                    return false;
                }
                cmyk = true;
            }
        }
        return cmyk;
    }

    /** The colour transform of the Adobe APP14 segment, or -1 without one. */
    private static int adobeTransform(ImageReader reader) throws IOException {
        IIOMetadata metadata = reader.getImageMetadata(0);
        if (metadata == null) {
            return -1;
        }
        NodeList adobe = ((Element) metadata.getAsTree(NATIVE_METADATA)).getElementsByTagName("app14Adobe");
        if (adobe.getLength() == 0) {
            return -1;
        }
        String transform = ((Element) adobe.item(0)).getAttribute("transform");
        return transform.isEmpty() ? -1 : Integer.parseInt(transform);
    }

    /** Full-range YCbCr to C, M, Y (the inversion cancels the one Adobe applies), and K un-inverted. */
    private static void fromYcck(int[] pixels, int i) {
        double luma = pixels[i];
        double cb = pixels[i + 1] - 128;
        double cr = pixels[i + 2] - 128;
        pixels[i] = clamp(luma + 1.402 * cr);
        pixels[i + 1] = clamp(luma - 0.344136 * cb - 0.714136 * cr);
        pixels[i + 2] = clamp(luma + 1.772 * cb);
        pixels[i + 3] = 255 - pixels[i + 3];
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
