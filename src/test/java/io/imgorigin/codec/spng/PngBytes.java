package io.imgorigin.codec.spng;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import io.imgorigin.processing.decode.TestImageBytes;

/** Builds PNGs chunk by chunk, for the colour types and bit depths ImageIO's writer does not produce. */
final class PngBytes {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngBytes() {
    }

    /**
     * A non-interlaced PNG from packed scanlines (without their filter bytes).
     *
     * @param chunks ancillary chunks (PLTE, tRNS...) placed between IHDR and IDAT, already framed
     */
    static byte[] png(int width, int height, int bitDepth, int colorType, byte[][] scanlines, byte[]... chunks) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (byte[] line : scanlines) {
            raw.write(0);
            raw.writeBytes(line);
        }
        return assemble(width, height, bitDepth, colorType, deflate(raw.toByteArray()), chunks);
    }

    /** A large 8-bit RGB PNG of horizontal bands, deflated a row at a time so it is never held decoded. */
    static byte[] bands(int width, int height) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_SPEED))) {
            byte[] line = new byte[1 + width * 3];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    line[1 + 3 * x] = (byte) (y / 64);
                    line[2 + 3 * x] = (byte) (x / 64);
                    line[3 + 3 * x] = (byte) 0x80;
                }
                out.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return assemble(width, height, 8, 2, compressed.toByteArray());
    }

    static byte[] chunk(String type, byte[] data) {
        return TestImageBytes.pngChunk(type, data);
    }

    static byte[] u16(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 2);
        for (int value : values) {
            buffer.putShort((short) value);
        }
        return buffer.array();
    }

    private static byte[] assemble(int width, int height, int bitDepth, int colorType, byte[] idat, byte[]... chunks) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(SIGNATURE);
        png.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bitDepth)
                .put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0).array()));
        for (byte[] chunk : chunks) {
            png.writeBytes(chunk);
        }
        png.writeBytes(chunk("IDAT", idat));
        png.writeBytes(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    private static byte[] deflate(byte[] raw) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed)) {
            out.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }
}
