package io.imgorigin.processing.probe;

import io.imgorigin.processing.decode.TestImageBytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.processing.pipeline.UnusableImageException;

public class HeaderReaderTest {

    private final HeaderReader reader = new HeaderReader();

    private static BufferedImage rgb(int width, int height) {
        return TestImageBytes.marked(width, height, BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void unknownMagicIsUnsupported() {
        for (String text : new String[] {"", "hello", "<html><svg/></html>", "<?xml version=\"1.0\"?><rss/>",
            "\0\0\0\fjP  "}) {
            assertThatThrownBy(() -> reader.read(text.getBytes(StandardCharsets.ISO_8859_1)))
                    .isInstanceOf(UnsupportedImageException.class);
        }
    }

    @Nested
    class Jxl {

        @Test
        void sizedByLibjxlBeforeDecodingOrUnsupportedWithoutIt() throws java.io.IOException {
            java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("imgorigin.test.corpus", "../shared/corpus"),
                    "formats/imgproxy-ti_jxl.jxl");
            org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(file), "corpus file " + file);
            byte[] jxl = java.nio.file.Files.readAllBytes(file);
            if (!io.imgorigin.codec.libjxl.JxlLibrary.readsJxl()) {
                assertThatThrownBy(() -> reader.read(jxl)).isInstanceOf(UnsupportedImageException.class);
                return;
            }
            assertThat(reader.read(jxl)).extracting(ImageHeader::format, ImageHeader::width, ImageHeader::height,
                    ImageHeader::orientation).containsExactly(SourceFormat.JXL, 924, 1386, 1);
            assertThatThrownBy(() -> reader.read(Arrays.copyOf(jxl, 3))).isInstanceOf(UnusableImageException.class);
        }
    }

    @Nested
    class Svg {

        private ImageHeader svg(String text) {
            return reader.read(text.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void sizeFromWidthAndHeightInAbsoluteUnits() {
            ImageHeader header = svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"40.6px\"/>");
            assertThat(header).extracting(ImageHeader::format, ImageHeader::width, ImageHeader::height,
                    ImageHeader::orientation, ImageHeader::declaresAlpha)
                    .containsExactly(SourceFormat.SVG, 120, 41, 1, true);
            assertThat(svg("<svg width='1in' height=\"72pt\" viewBox='0 0 5 5'/>"))
                    .extracting(ImageHeader::width, ImageHeader::height).containsExactly(96, 96);
        }

        @Test
        void viewBoxGivesWhatTheAttributesLeaveOut() {
            assertThat(svg("<svg viewBox=\"0 0 200 100\"/>")).extracting(ImageHeader::width, ImageHeader::height)
                    .containsExactly(200, 100);
            assertThat(svg("<svg width=\"50\" viewBox=\"0,0,200,100\"/>"))
                    .extracting(ImageHeader::width, ImageHeader::height).containsExactly(50, 25);
            assertThat(svg("<svg width=\"100%\" height=\"100%\" viewBox=\"-10 -10 30 60\"/>"))
                    .extracting(ImageHeader::width, ImageHeader::height).containsExactly(30, 60);
        }

        @Test
        void withoutAnySizeTheDefaultOfAReplacedElement() {
            assertThat(svg("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>"))
                    .extracting(ImageHeader::width, ImageHeader::height).containsExactly(300, 150);
        }

        @Test
        void recognisedAfterABomWhitespaceDeclarationAndComments() {
            String body = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<!-- made by hand -->\n"
                    + "<?xml-stylesheet href=\"x\"?>\n<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"9\"/>";
            assertThat(svg("\uFEFF \n\t" + body).width()).isEqualTo(8);
            ImageHeader utf16 = reader.read(("\uFEFF" + body.replace("UTF-8", "UTF-16")).getBytes(StandardCharsets.UTF_16LE));
            assertThat(utf16).extracting(ImageHeader::format, ImageHeader::width, ImageHeader::height)
                    .containsExactly(SourceFormat.SVG, 8, 9);
        }

        @Test
        void aDoctypeIsRefusedAtOnce() {
            assertThatThrownBy(() -> svg("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"b\">]><svg width=\"1\" height=\"1\"/>"))
                    .isInstanceOf(UnusableImageException.class).hasMessageContaining("DOCTYPE");
            assertThatThrownBy(() -> svg("<!doctype svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://x/svg11.dtd\"><svg/>"))
                    .isInstanceOf(UnusableImageException.class);
            assertThatThrownBy(() -> svg("<svg width=\"1\" height=\"1\"><![CDATA[ ]]><!ENTITY x \"y\"></svg>"))
                    .isInstanceOf(UnusableImageException.class);
        }

        @Test
        void absurdSizesAreUnusable() {
            for (String size : new String[] {"width=\"2000000\" height=\"1\"", "width=\"1e300\" height=\"1\"",
                "viewBox=\"0 0 1e12 1\""}) {
                assertThatThrownBy(() -> svg("<svg " + size + "/>")).as(size).isInstanceOf(UnusableImageException.class);
            }
            assertThat(svg("<svg width=\"0.2\" height=\"0.2\"/>")).extracting(ImageHeader::width, ImageHeader::height)
                    .containsExactly(1, 1);
        }
    }

    @Nested
    class Jpeg {

        private final byte[] jpeg = TestImageBytes.encode(rgb(40, 30), "jpeg");

        @Test
        void sizeFromTheFrameHeader() {
            ImageHeader header = reader.read(jpeg);
            assertThat(header.format()).isEqualTo(SourceFormat.JPEG);
            assertThat(header).extracting(ImageHeader::width, ImageHeader::height, ImageHeader::canvasPixels,
                    ImageHeader::frames, ImageHeader::orientation, ImageHeader::declaresAlpha)
                    .containsExactly(40, 30, 1200L, 1, 1, false);
        }

        @Test
        void orientationFromExif() {
            byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), TestImageBytes.exif(6));
            ImageHeader header = reader.read(afterSoi(jpeg, segment(0xE1, exif)));
            assertThat(header.orientation()).isEqualTo(6);
            assertThat(header.uprightWidth()).isEqualTo(30);
            assertThat(header.uprightHeight()).isEqualTo(40);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 9, 0xFFFF})
        void invalidOrientationCountsAsUpright(int value) {
            byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), TestImageBytes.exif(value));
            assertThat(reader.read(afterSoi(jpeg, segment(0xE1, exif))).orientation()).isEqualTo(1);
        }

        @Test
        void malformedExifIsIgnored() {
            byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), TestImageBytes.exif(6));
            // The first directory offset points far outside the block.
            exif[10] = 0x7F;
            assertThat(reader.read(afterSoi(jpeg, segment(0xE1, exif))).orientation()).isEqualTo(1);
            byte[] countTooLarge = exif.clone();
            countTooLarge[10] = 0;
            countTooLarge[14] = (byte) 0xFF;
            assertThat(reader.read(afterSoi(jpeg, segment(0xE1, countTooLarge))).orientation()).isEqualTo(1);
        }

        @Test
        void iccChunksAreReassembledInSequenceOrder() {
            byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
            int half = profile.length / 2;
            byte[] second = iccChunk(2, 2, Arrays.copyOfRange(profile, half, profile.length));
            byte[] first = iccChunk(1, 2, Arrays.copyOfRange(profile, 0, half));
            assertThat(reader.read(afterSoi(jpeg, concat(second, first))).iccProfile()).isEqualTo(profile);
            assertThat(reader.read(afterSoi(jpeg, first)).iccProfile()).as("a missing chunk").isNull();
        }

        @Test
        void sizesBeyondThirtyTwoBitsAreComputedInLong() {
            byte[] bomb = jpeg.clone();
            int sof = indexOfMarker(bomb, 0xC0);
            bomb[sof + 5] = (byte) 0xFA;
            bomb[sof + 6] = (byte) 0xFA;
            bomb[sof + 7] = (byte) 0xFA;
            bomb[sof + 8] = (byte) 0xFA;
            ImageHeader header = reader.read(bomb);
            assertThat(header.width()).isEqualTo(64250);
            assertThat(header.canvasPixels()).isEqualTo(64250L * 64250L);
        }

        @Test
        void bytesBetweenSegmentsAreSkippedAsDecodersSkipThem() {
            byte[] comment = segment(0xFE, "made here".getBytes(StandardCharsets.ISO_8859_1));
            for (byte[] between : new byte[][] {{0x12, 0x34}, {(byte) 0xFF, 0x00}, {(byte) 0xFF, (byte) 0xFF}}) {
                assertThat(reader.read(afterSoi(jpeg, concat(comment, between))))
                        .extracting(ImageHeader::width, ImageHeader::height).containsExactly(40, 30);
            }
        }

        @Test
        void aSegmentRunningPastTheEndIsUnusableButAScanOnlyNeedsItsEnd() {
            byte[] cut = concat(Arrays.copyOf(jpeg, 2), new byte[] {(byte) 0xFF, (byte) 0xE1, 0x10, 0x00, 'E'});
            assertThatThrownBy(() -> reader.read(cut)).isInstanceOf(UnusableImageException.class);
            byte[] longScanHeader = jpeg.clone();
            int sos = indexOfMarker(longScanHeader, 0xDA);
            longScanHeader[sos + 2] = (byte) 0x7F;
            assertThat(reader.read(longScanHeader).width()).isEqualTo(40);
        }

        @Test
        void zeroSizeOrTruncatedHeaderIsUnusable() {
            byte[] zero = jpeg.clone();
            int sof = indexOfMarker(zero, 0xC0);
            zero[sof + 7] = 0;
            zero[sof + 8] = 0;
            assertThatThrownBy(() -> reader.read(zero)).isInstanceOf(UnusableImageException.class);
            assertThatThrownBy(() -> reader.read(Arrays.copyOf(jpeg, 25))).isInstanceOf(UnusableImageException.class);
        }

        private static byte[] iccChunk(int sequence, int count, byte[] data) {
            byte[] head = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
            return segment(0xE2, concat(head, new byte[] {(byte) sequence, (byte) count}, data));
        }

        private static byte[] segment(int marker, byte[] body) {
            return ByteBuffer.allocate(4 + body.length).put((byte) 0xFF).put((byte) marker)
                    .putShort((short) (body.length + 2)).put(body).array();
        }

        private static byte[] afterSoi(byte[] jpeg, byte[] segments) {
            return concat(Arrays.copyOf(jpeg, 2), segments, Arrays.copyOfRange(jpeg, 2, jpeg.length));
        }

        private static int indexOfMarker(byte[] data, int marker) {
            for (int i = 0; i < data.length - 1; i++) {
                if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == marker) {
                    return i;
                }
            }
            throw new AssertionError("no marker " + marker);
        }
    }

    @Nested
    class Png {

        @Test
        void sizeAndAlphaFromTheHeader() {
            ImageHeader opaque = reader.read(TestImageBytes.encode(rgb(20, 10), "png"));
            assertThat(opaque).extracting(ImageHeader::format, ImageHeader::width, ImageHeader::height,
                    ImageHeader::declaresAlpha).containsExactly(SourceFormat.PNG, 20, 10, false);
            ImageHeader rgba = reader.read(TestImageBytes.encode(
                    TestImageBytes.marked(4, 4, BufferedImage.TYPE_INT_ARGB), "png"));
            assertThat(rgba.declaresAlpha()).isTrue();
            byte[] withTrns = TestImageBytes.pngWithChunks(TestImageBytes.encode(rgb(4, 4), "png"),
                    TestImageBytes.pngChunk("tRNS", new byte[6]));
            assertThat(reader.read(withTrns).declaresAlpha()).isTrue();
        }

        @Test
        void aHundredThousandSquaredIsReadFromAHeaderAlone() {
            ImageHeader header = reader.read(TestImageBytes.pngHeader(100_000, 100_000, 2));
            assertThat(header.canvasPixels()).isEqualTo(10_000_000_000L);
        }

        @Test
        void sidesOutsideOneToIntMaxAreUnusable() {
            assertThatThrownBy(() -> reader.read(TestImageBytes.pngHeader(0, 10, 2)))
                    .isInstanceOf(UnusableImageException.class);
            assertThatThrownBy(() -> reader.read(TestImageBytes.pngHeader(0x8000_0000L, 10, 2)))
                    .isInstanceOf(UnusableImageException.class);
            assertThatThrownBy(() -> reader.read(Arrays.copyOf(TestImageBytes.pngHeader(10, 10, 2), 20)))
                    .isInstanceOf(UnusableImageException.class);
        }

        @Test
        void aChunkRunningPastTheEndBeforeTheImageDataIsUnusable() {
            byte[] png = TestImageBytes.pngWithChunks(TestImageBytes.encode(rgb(4, 4), "png"),
                    TestImageBytes.pngChunk("iCCP", new byte[4]));
            ByteBuffer.wrap(png).putInt(33, 0x7FFF_FFF0);
            assertThatThrownBy(() -> reader.read(png)).isInstanceOf(UnusableImageException.class);
        }

        @Test
        void iccProfileIsInflated() {
            byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
            byte[] iccp = concat("linear\0\0".getBytes(StandardCharsets.ISO_8859_1), deflate(profile));
            byte[] png = TestImageBytes.pngWithChunks(TestImageBytes.encode(rgb(4, 4), "png"),
                    TestImageBytes.pngChunk("iCCP", iccp));
            assertThat(reader.read(png).iccProfile()).isEqualTo(profile);
        }

        @Test
        void anIccProfileInflatingBeyondTheCapIsDropped() {
            byte[] iccp = concat("bomb\0\0".getBytes(StandardCharsets.ISO_8859_1), deflate(new byte[64 << 20]));
            byte[] png = TestImageBytes.pngWithChunks(TestImageBytes.encode(rgb(4, 4), "png"),
                    TestImageBytes.pngChunk("iCCP", iccp));
            assertThat(reader.read(png).iccProfile()).isNull();
        }

        @Test
        void compressedTextIsNeverInflated() {
            byte[] ztxt = concat("Comment\0\0".getBytes(StandardCharsets.ISO_8859_1), deflate(new byte[256 << 20]));
            byte[] png = TestImageBytes.pngWithChunks(TestImageBytes.encode(rgb(4, 4), "png"),
                    TestImageBytes.pngChunk("zTXt", ztxt));
            assertThat(reader.read(png).width()).isEqualTo(4);
        }

        @Test
        void exifOrientationAndAnimationFrames() {
            ByteBuffer actl = ByteBuffer.allocate(8).putInt(20).putInt(0);
            byte[] png = TestImageBytes.pngWithChunks(TestImageBytes.encode(rgb(4, 4), "png"),
                    TestImageBytes.pngChunk("acTL", actl.array()),
                    TestImageBytes.pngChunk("eXIf", TestImageBytes.exif(8)));
            ImageHeader header = reader.read(png);
            assertThat(header.frames()).isEqualTo(20);
            assertThat(header.orientation()).isEqualTo(8);
        }
    }

    @Nested
    class Gif {

        @Test
        void logicalScreenIsTheCanvasAndFramesAreCounted() {
            byte[] gif = concat(gifHead(30, 20, false), frame(0, 0, 30, 20), frame(5, 5, 10, 10), new byte[] {0x3B});
            ImageHeader header = reader.read(gif);
            assertThat(header).extracting(ImageHeader::format, ImageHeader::width, ImageHeader::height,
                    ImageHeader::frames, ImageHeader::declaresAlpha)
                    .containsExactly(SourceFormat.GIF, 30, 20, 2, false);
        }

        @Test
        void aFirstFrameLargerThanTheScreenIsRefused() {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> reader.read(concat(gifHead(10, 10, false), frame(0, 0, 4000, 3000))))
                    .isInstanceOf(io.imgorigin.processing.pipeline.UnusableImageException.class)
                    .hasMessageContaining("reaches past its 10×10 canvas");
        }

        @Test
        void transparencyAndTruncationAfterTheFirstFrame() {
            byte[] gif = concat(gifHead(8, 8, true), frame(0, 0, 8, 8), Arrays.copyOf(frame(0, 0, 8, 8), 12));
            ImageHeader header = reader.read(gif);
            assertThat(header.declaresAlpha()).isTrue();
            assertThat(header.frames()).isEqualTo(2);
        }

        @Test
        void noImageIsUnusable() {
            assertThatThrownBy(() -> reader.read(concat(gifHead(8, 8, false), new byte[] {0x3B})))
                    .isInstanceOf(UnusableImageException.class);
        }

        private static byte[] gifHead(int width, int height, boolean transparent) {
            ByteBuffer b = ByteBuffer.allocate(13 + 8).order(ByteOrder.LITTLE_ENDIAN);
            b.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) width).putShort((short) height)
                    .put((byte) 0).put((byte) 0).put((byte) 0);
            b.put(new byte[] {0x21, (byte) 0xF9, 4, (byte) (transparent ? 1 : 0), 0, 0, 0, 0});
            return b.array();
        }

        /** An image descriptor without a colour table and an LZW stream of one short sub-block. */
        private static byte[] frame(int x, int y, int width, int height) {
            ByteBuffer b = ByteBuffer.allocate(10 + 4).order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) 0x2C).putShort((short) x).putShort((short) y).putShort((short) width)
                    .putShort((short) height).put((byte) 0);
            b.put((byte) 2).put((byte) 1).put((byte) 0x44).put((byte) 0);
            return b.array();
        }
    }

    @Nested
    class Webp {

        @Test
        void lossyAndLosslessStills() {
            ImageHeader lossy = reader.read(TestImageBytes.webp(rgb(30, 14), false));
            assertThat(lossy).extracting(ImageHeader::format, ImageHeader::width, ImageHeader::height)
                    .containsExactly(SourceFormat.WEBP, 30, 14);
            ImageHeader lossless = reader.read(TestImageBytes.webp(
                    TestImageBytes.marked(17, 9, BufferedImage.TYPE_INT_ARGB), true));
            assertThat(lossless).extracting(ImageHeader::width, ImageHeader::height).containsExactly(17, 9);
        }

        @Test
        void extendedCanvasExifAndFrames() {
            byte[] still = TestImageBytes.webpChunks(TestImageBytes.webp(rgb(8, 8), true));
            byte[] animation = TestImageBytes.riff(TestImageBytes.vp8x(0x02 | 0x08 | 0x10, 16_000_000, 12),
                    TestImageBytes.riffChunk("ANIM", new byte[6]),
                    TestImageBytes.anmf(0, 0, 8, 8, still), TestImageBytes.anmf(2, 2, 8, 8, still),
                    TestImageBytes.anmf(4, 4, 8, 8, still), TestImageBytes.riffChunk("EXIF", TestImageBytes.exif(3)));
            ImageHeader header = reader.read(animation);
            assertThat(header).extracting(ImageHeader::width, ImageHeader::height, ImageHeader::canvasPixels,
                    ImageHeader::frames, ImageHeader::orientation, ImageHeader::declaresAlpha)
                    .containsExactly(16_000_000, 12, 192_000_000L, 3, 3, true);
        }

        @Test
        void corruptOrTruncatedIsUnusable() {
            byte[] webp = TestImageBytes.webp(rgb(8, 8), false);
            assertThatThrownBy(() -> reader.read(Arrays.copyOf(webp, 24))).isInstanceOf(UnusableImageException.class);
            byte[] badStart = webp.clone();
            badStart[23] = 0;
            assertThatThrownBy(() -> reader.read(badStart)).isInstanceOf(UnusableImageException.class);
        }
    }

    @Nested
    class Bmp {

        @Test
        void bottomUpAndTopDown() {
            byte[] bmp = TestImageBytes.encode(TestImageBytes.marked(12, 7, BufferedImage.TYPE_3BYTE_BGR), "bmp");
            assertThat(reader.read(bmp)).extracting(ImageHeader::format, ImageHeader::width, ImageHeader::height,
                    ImageHeader::declaresAlpha).containsExactly(SourceFormat.BMP, 12, 7, false);
            ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).putInt(22, -7);
            assertThat(reader.read(bmp).height()).isEqualTo(7);
        }

        @Test
        void absurdSizesAndDepthsAreUnusable() {
            byte[] bmp = TestImageBytes.encode(TestImageBytes.marked(12, 7, BufferedImage.TYPE_3BYTE_BGR), "bmp");
            byte[] negativeWidth = bmp.clone();
            ByteBuffer.wrap(negativeWidth).order(ByteOrder.LITTLE_ENDIAN).putInt(18, -12);
            assertThatThrownBy(() -> reader.read(negativeWidth)).isInstanceOf(UnusableImageException.class);
            byte[] depth = bmp.clone();
            ByteBuffer.wrap(depth).order(ByteOrder.LITTLE_ENDIAN).putShort(28, (short) 40);
            assertThatThrownBy(() -> reader.read(depth)).isInstanceOf(UnusableImageException.class);
            // Run-length encoded (8 bits, BI_RLE8): the header alone cannot say how long the data must be.
            byte[] huge = bmp.clone();
            ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(18, 3_000_000).putInt(22, 2_000_000)
                    .putShort(28, (short) 8).putInt(30, 1);
            assertThat(reader.read(huge).canvasPixels()).isEqualTo(6_000_000_000_000L);
        }

        @Test
        void uncompressedRowsMustAllBeThere() {
            byte[] bmp = TestImageBytes.encode(TestImageBytes.marked(12, 7, BufferedImage.TYPE_3BYTE_BGR), "bmp");
            // 12 px × 3 bytes is a 36-byte row, already a multiple of four.
            int rowsEnd = ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).getInt(10) + 36 * 7;
            assertThat(reader.read(java.util.Arrays.copyOf(bmp, rowsEnd)).height()).isEqualTo(7);
            byte[] odd = TestImageBytes.encode(TestImageBytes.marked(11, 7, BufferedImage.TYPE_3BYTE_BGR), "bmp");
            // 11 px × 3 bytes = 33, padded to 36: the last row's three padding bytes may be left out.
            int lastRowUnpadded = ByteBuffer.wrap(odd).order(ByteOrder.LITTLE_ENDIAN).getInt(10) + 36 * 6 + 33;
            assertThat(reader.read(java.util.Arrays.copyOf(odd, lastRowUnpadded)).width()).isEqualTo(11);
            assertThatThrownBy(() -> reader.read(java.util.Arrays.copyOf(bmp, rowsEnd - 1)))
                    .isInstanceOf(UnusableImageException.class).hasMessageContaining("truncated");
        }
    }

    @Nested
    class Tiff {

        @Test
        void littleEndianWithOrientation() {
            ImageHeader header = reader.read(TestImageBytes.tiff(rgb(6, 5), 7));
            assertThat(header).extracting(ImageHeader::format, ImageHeader::width, ImageHeader::height,
                    ImageHeader::frames, ImageHeader::orientation).containsExactly(SourceFormat.TIFF, 6, 5, 1, 7);
        }

        @Test
        void bigEndianWithIccAndAPageChainThatLoops() {
            byte[] icc = {1, 2, 3, 4, 5, 6, 7, 8, 9};
            ByteBuffer b = ByteBuffer.allocate(8 + 2 + 4 * 12 + 4 + icc.length).order(ByteOrder.BIG_ENDIAN);
            b.put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) 4);
            b.putShort((short) 256).putShort((short) 4).putInt(1).putInt(70_000);
            b.putShort((short) 257).putShort((short) 3).putInt(1).putShort((short) 70).putShort((short) 0);
            b.putShort((short) 274).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
            b.putShort((short) 34675).putShort((short) 7).putInt(icc.length).putInt(8 + 2 + 48 + 4);
            b.putInt(8);
            b.put(icc);
            ImageHeader header = reader.read(b.array());
            assertThat(header).extracting(ImageHeader::width, ImageHeader::height, ImageHeader::frames,
                    ImageHeader::orientation).containsExactly(70_000, 70, 1, 6);
            assertThat(header.iccProfile()).isEqualTo(icc);
        }

        @Test
        void directoryOutsideTheFileIsUnusable() {
            byte[] tiff = TestImageBytes.tiff(rgb(2, 2), 1);
            ByteBuffer.wrap(tiff).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7FFF_FFF0);
            assertThatThrownBy(() -> reader.read(tiff)).isInstanceOf(UnusableImageException.class);
        }
    }

    @Test
    void psdHeader() {
        ByteBuffer b = ByteBuffer.allocate(26).order(ByteOrder.BIG_ENDIAN);
        b.put("8BPS".getBytes(StandardCharsets.US_ASCII)).putShort((short) 1).put(new byte[6]).putShort((short) 4)
                .putInt(300).putInt(500).putShort((short) 8).putShort((short) 3);
        ImageHeader header = reader.read(b.array());
        assertThat(header).extracting(ImageHeader::format, ImageHeader::width, ImageHeader::height,
                ImageHeader::declaresAlpha).containsExactly(SourceFormat.PSD, 500, 300, true);
        assertThatThrownBy(() -> reader.read(Arrays.copyOf(b.array(), 16))).isInstanceOf(UnusableImageException.class);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
