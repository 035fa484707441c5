package io.imgorigin.processing.decode;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPWriteParam;

/** Builds test images and container structures byte by byte. */
public final class TestImageBytes {

    static final Color MARKER = Color.RED;

    private TestImageBytes() {
    }

    /** A white image with a red block in its top-left quarter: where the block lands shows the orientation. */
    public static BufferedImage marked(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(MARKER);
        g.fillRect(0, 0, width / 2, height / 2);
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] webp(BufferedImage image, boolean lossless) {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType("image/webp").next();
        WebPWriteParam param = (WebPWriteParam) writer.getDefaultWriteParam();
        param.setCompressionMode(WebPWriteParam.MODE_EXPLICIT);
        param.setCompressionType(lossless ? CompressionType.Lossless : CompressionType.Lossy);
        return write(writer, param, image);
    }

    /** Writes the image with the writer and parameters given, then disposes of the writer. */
    public static byte[] write(ImageWriter writer, ImageWriteParam param, BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A big-endian TIFF structure whose first directory holds only an Orientation tag. */
    public static byte[] exif(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(26).order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        b.putShort((short) 1);
        b.putShort((short) 274).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putInt(0);
        return b.array();
    }

    /** A PNG chunk with its length and CRC. */
    public static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    /** The PNG with extra chunks inserted right after IHDR. */
    public static byte[] pngWithChunks(byte[] png, byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        for (byte[] chunk : chunks) {
            out.writeBytes(chunk);
        }
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    /** Just a signature and an IHDR declaring the size: a header with no pixels behind it. */
    public static byte[] pngHeader(long width, long height, int colourType) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt((int) width).putInt((int) height).put((byte) 8)
                .put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        out.writeBytes(pngChunk("IHDR", ihdr.array()));
        return out.toByteArray();
    }

    public static byte[] riffChunk(String fourcc, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(fourcc.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return b.array();
    }

    public static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        for (byte[] chunk : chunks) {
            body.writeBytes(chunk);
        }
        ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        head.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(body.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    public static byte[] vp8x(int flags, int canvasWidth, int canvasHeight) {
        ByteBuffer b = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) flags).put(new byte[3]);
        putLe24(b, canvasWidth - 1);
        putLe24(b, canvasHeight - 1);
        return riffChunk("VP8X", b.array());
    }

    /** The chunks of a simple WebP file (its VP8 or VP8L chunk, and ALPH if any). */
    public static byte[] webpChunks(byte[] webp) {
        return Arrays.copyOfRange(webp, 12, webp.length);
    }

    /** A still WebP turned into the extended format with an EXIF chunk. */
    static byte[] webpWithExif(byte[] webp, int width, int height, byte[] exif) {
        return riff(vp8x(0x08, width, height), webpChunks(webp), riffChunk("EXIF", exif));
    }

    /** An animation frame placed at (x, y) (even values) around the chunks of a still WebP. */
    public static byte[] anmf(int x, int y, int width, int height, byte[] stillChunks) {
        ByteBuffer b = ByteBuffer.allocate(16 + stillChunks.length).order(ByteOrder.LITTLE_ENDIAN);
        putLe24(b, x / 2);
        putLe24(b, y / 2);
        putLe24(b, width - 1);
        putLe24(b, height - 1);
        putLe24(b, 100);
        b.put((byte) 0);
        b.put(stillChunks);
        return riffChunk("ANMF", b.array());
    }

    private static void putLe24(ByteBuffer b, int value) {
        b.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }

    /** An uncompressed 8-bit RGB TIFF in one strip, little-endian, with the given Orientation tag. */
    public static byte[] tiff(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        int entries = 10;
        int ifd = 8;
        int bitsOffset = ifd + 2 + entries * 12 + 4;
        int pixels = bitsOffset + 6;
        ByteBuffer b = ByteBuffer.allocate(pixels + w * h * 3).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'I', 'I', 42, 0}).putInt(ifd);
        b.putShort((short) entries);
        entry(b, 256, 4, 1, w);
        entry(b, 257, 4, 1, h);
        entry(b, 258, 3, 3, bitsOffset);
        entry(b, 259, 3, 1, 1);
        entry(b, 262, 3, 1, 2);
        entry(b, 273, 4, 1, pixels);
        entry(b, 274, 3, 1, orientation);
        entry(b, 277, 3, 1, 3);
        entry(b, 278, 4, 1, h);
        entry(b, 279, 4, 1, w * h * 3);
        b.putInt(0);
        b.putShort((short) 8).putShort((short) 8).putShort((short) 8);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                b.put((byte) (rgb >> 16)).put((byte) (rgb >> 8)).put((byte) rgb);
            }
        }
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }
}
