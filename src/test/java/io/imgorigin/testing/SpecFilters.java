package io.imgorigin.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNG's five row filters applied forwards, written from the specification as a reference, and 8-bit
 * PNGs made with them.
 */
public final class SpecFilters {

    private SpecFilters() {
    }

    /**
     * A non-interlaced 8-bit PNG of {@code samples} (rows without filter bytes), row y filtered with
     * {@code filterOfRow(y)}, its image data split into IDAT chunks of {@code idatSize} bytes.
     */
    public static byte[] png(int width, int colorType, byte[][] samples, IntUnaryOperator filterOfRow, int idatSize) {
        int bytesPerPixel = samples[0].length / width;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < samples.length; y++) {
            raw.writeBytes(filter(filterOfRow.applyAsInt(y), samples, y, bytesPerPixel));
        }
        Deflater deflater = new Deflater();
        deflater.setInput(raw.toByteArray());
        deflater.finish();
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] compressed = idat.toByteArray();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(samples.length).put((byte) 8)
                .put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0).array()));
        for (int offset = 0; offset < compressed.length; offset += idatSize) {
            png.writeBytes(chunk("IDAT", Arrays.copyOfRange(compressed, offset, Math.min(compressed.length,
                    offset + idatSize))));
        }
        png.writeBytes(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    /** Row {@code y} of {@code samples} filtered with {@code type}, its filter type byte first. */
    public static byte[] filter(int type, byte[][] samples, int y, int bytesPerPixel) {
        byte[] row = samples[y];
        byte[] above = y == 0 ? new byte[row.length] : samples[y - 1];
        byte[] filtered = new byte[row.length + 1];
        filtered[0] = (byte) type;
        for (int i = 0; i < row.length; i++) {
            filtered[i + 1] = (byte) (row[i] - prediction(type, row, above, i, bytesPerPixel));
        }
        return filtered;
    }

    public static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) {
            return a;
        }
        return pb <= pc ? b : c;
    }

    private static int prediction(int type, byte[] row, byte[] above, int i, int bpp) {
        int a = i >= bpp ? row[i - bpp] & 0xFF : 0;
        int b = above[i] & 0xFF;
        int c = i >= bpp ? above[i - bpp] & 0xFF : 0;
        return switch (type) {
            case 0 -> 0;
            case 1 -> a;
            case 2 -> b;
            case 3 -> (a + b) / 2;
            case 4 -> paeth(a, b, c);
            default -> throw new IllegalArgumentException("filter type " + type);
        };
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data).putInt((int) crc.getValue())
                .array();
    }
}
