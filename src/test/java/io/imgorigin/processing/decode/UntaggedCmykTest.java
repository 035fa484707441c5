package io.imgorigin.processing.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;

import io.imgorigin.codec.NativeCodec;
import io.imgorigin.processing.pipeline.ProcessingContext;

/**
 * CMYK without an embedded profile is converted through the default CMYK profile rather than by the
 * naive formula that renders it far too dark. The fixtures hold a red square (#e01010) beside a blue
 * one (#2060c0), made with
 * {@code convert -size 40x40 xc:'#e01010' \( -size 40x40 xc:'#2060c0' \) +append -colorspace CMYK -strip}
 * (as {@code ycck-no-profile.jpg}, which ImageMagick writes as Adobe YCCK, and as a 16-bit LZW
 * {@code cmyk-no-profile.tif}); ImageMagick's formula gives CMYK (0,237,237,31) and (213,128,1,63).
 */
class UntaggedCmykTest {

    /**
     * LittleCMS's rendering through the same profile, for both fixtures within one level:
     * {@code vips icc_transform F out.v srgb --input-profile ISOcoated_v2_300_bas.icc --intent relative}
     * then {@code vips getpoint out.v 20 20} (and 60 20). With its own default profile (ArgyllCMS's
     * "Chemical proof") libvips gives (208,51,51) and (44,92,140): profiles differ most in saturated blues.
     */
    private static final int[] RED = {209, 50, 42};
    private static final int[] BLUE = {44, 98, 153};
    private static final int TOLERANCE = 4;

    private final FrontPipeline pipeline = new FrontPipeline(false);

    @Test
    void ycckJpegWithoutProfile() throws IOException {
        assertRedAndBlue(resource("/decode/ycck-no-profile.jpg"));
    }

    @Test
    void cmykTiffWithoutProfile() throws IOException {
        assertRedAndBlue(resource("/decode/cmyk-no-profile.tif"));
    }

    @Test
    void adobeInvertedCmykJpegWithoutProfile() throws IOException {
        assertRedAndBlue(adobeCmykJpeg(new int[] {0, 237, 237, 31}, new int[] {213, 128, 1, 63}));
    }

    private void assertRedAndBlue(byte[] source) {
        try (ProcessingContext context = pipeline.run(source, "")) {
            BufferedImage image = context.image();
            assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            assertClose(image.getRGB(20, 20), RED);
            assertClose(image.getRGB(60, 20), BLUE);
        }
    }

    private static void assertClose(int rgb, int[] expected) {
        int[] actual = {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
        for (int c = 0; c < 3; c++) {
            assertThat(actual[c]).as("channel %d of %s", c, Arrays.toString(actual))
                    .isBetween(expected[c] - TOLERANCE, expected[c] + TOLERANCE);
        }
    }

    /** APP14 "Adobe", version 100, no flags, colour transform 0 (CMYK stored as is, not YCCK). */
    private static final byte[] ADOBE_CMYK_SEGMENT = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e',
        0, 100, 0, 0, 0, 0, 0};

    /** A plain (not YCCK) CMYK JPEG, its values stored inverted as Adobe's writers do. */
    private static byte[] adobeCmykJpeg(int[] left, int[] right) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 80, 40, 4, null);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 80; x++) {
                int[] cmyk = x < 40 ? left : right;
                raster.setPixel(x, y, new int[] {255 - cmyk[0], 255 - cmyk[1], 255 - cmyk[2], 255 - cmyk[3]});
            }
        }
        ImageWriter writer = jdkJpegWriter();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(encoded)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = encoded.toByteArray();
        ByteArrayOutputStream marked = new ByteArrayOutputStream();
        marked.write(jpeg, 0, 2);
        marked.writeBytes(ADOBE_CMYK_SEGMENT);
        marked.write(jpeg, 2, jpeg.length - 2);
        return marked.toByteArray();
    }

    /** The JDK's writer stores a four-band raster as is, with neither a JFIF nor an Adobe segment. */
    private static ImageWriter jdkJpegWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (!(writer.getOriginatingProvider() instanceof NativeCodec)) {
                return writer;
            }
            writer.dispose();
        }
        throw new IllegalStateException("no pure-Java JPEG writer");
    }

    private byte[] resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
