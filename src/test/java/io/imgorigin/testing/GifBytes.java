package io.imgorigin.testing;

import java.io.ByteArrayOutputStream;

/**
 * GIFs written byte by byte, for the limits a header alone decides: a declared canvas and frames of one
 * pixel each (palette index 0, red), placed where the test says.
 */
public final class GifBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private GifBytes(int canvasWidth, int canvasHeight, int loopCount) {
        out.writeBytes("GIF89a".getBytes());
        u16(canvasWidth);
        u16(canvasHeight);
        out.write(0x80); // a global colour table of two entries
        out.write(0);
        out.write(0);
        out.writeBytes(new byte[] {(byte) 255, 0, 0, 0, 0, (byte) 255});
        out.writeBytes(new byte[] {0x21, (byte) 0xFF, 11});
        out.writeBytes("NETSCAPE2.0".getBytes());
        out.writeBytes(new byte[] {3, 1});
        u16(loopCount);
        out.write(0);
    }

    public static GifBytes canvas(int width, int height) {
        return new GifBytes(width, height, 0);
    }

    /** A frame of {@code width}×{@code height} declared at x,y whose data holds a single pixel. */
    public GifBytes frame(int x, int y, int width, int height, int delayCentiseconds) {
        out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, 0});
        u16(delayCentiseconds);
        out.writeBytes(new byte[] {0, 0});
        out.write(0x2C);
        u16(x);
        u16(y);
        u16(width);
        u16(height);
        out.write(0);
        // LZW, minimum code size 2: clear (4), index 0, end (5), packed in 3-bit codes.
        out.writeBytes(new byte[] {2, 2, 0x44, 0x01, 0});
        return this;
    }

    public GifBytes frames(int count, int width, int height) {
        for (int i = 0; i < count; i++) {
            frame(0, 0, width, height, 10);
        }
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(out.toByteArray());
        copy.write(0x3B);
        return copy.toByteArray();
    }

    private void u16(int value) {
        out.write(value & 0xFF);
        out.write(value >> 8 & 0xFF);
    }
}
