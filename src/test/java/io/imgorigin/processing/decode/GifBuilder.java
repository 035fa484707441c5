package io.imgorigin.processing.decode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes GIFs byte by byte for tests, with whatever offsets, palettes, disposals and flags a case needs
 * (including ones no encoder would write). Image data is LZW with 8-bit literals only and a clear code
 * every 254 of them, so the code size never grows; valid, if large.
 */
public final class GifBuilder {

    /** One image: {@code indices} in row order of its own rectangle; {@code localPalette} null for the global one. */
    public record Frame(int left, int top, int width, int height, int[] indices, int[] localPalette, int disposal,
            int delayCentis, int transparentIndex, boolean interlaced) {

        public static Frame filled(int left, int top, int width, int height, int index, int disposal, int delayCentis) {
            int[] indices = new int[width * height];
            java.util.Arrays.fill(indices, index);
            return new Frame(left, top, width, height, indices, null, disposal, delayCentis, -1, false);
        }

        public Frame withTransparent(int index) {
            return new Frame(left, top, width, height, indices, localPalette, disposal, delayCentis, index, interlaced);
        }

        public Frame withLocalPalette(int[] palette) {
            return new Frame(left, top, width, height, indices, palette, disposal, delayCentis, transparentIndex, interlaced);
        }

        public Frame interlace() {
            return new Frame(left, top, width, height, indices, localPalette, disposal, delayCentis, transparentIndex, true);
        }
    }

    private final int width;
    private final int height;
    private int[] globalPalette;
    private Integer netscapeLoops;
    private final List<Frame> frames = new ArrayList<>();

    public GifBuilder(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** 0xRRGGBB colours, padded to a power of two. */
    public GifBuilder globalPalette(int... colours) {
        this.globalPalette = colours;
        return this;
    }

    /** The NETSCAPE2.0 field (0 for ever, n repeats); without a call there is no extension. */
    public GifBuilder netscapeLoops(int loops) {
        this.netscapeLoops = loops;
        return this;
    }

    public GifBuilder frame(Frame frame) {
        frames.add(frame);
        return this;
    }

    public byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes());
        u16(out, width);
        u16(out, height);
        out.write(globalPalette == null ? 0 : 0x80 | (sizeBits(globalPalette.length) - 1));
        out.write(0);
        out.write(0);
        if (globalPalette != null) {
            palette(out, globalPalette);
        }
        if (netscapeLoops != null) {
            out.write(0x21);
            out.write(0xFF);
            out.write(11);
            out.writeBytes("NETSCAPE2.0".getBytes());
            out.write(3);
            out.write(1);
            u16(out, netscapeLoops);
            out.write(0);
        }
        for (Frame frame : frames) {
            out.write(0x21);
            out.write(0xF9);
            out.write(4);
            out.write(frame.disposal() << 2 | (frame.transparentIndex() >= 0 ? 1 : 0));
            u16(out, frame.delayCentis());
            out.write(Math.max(0, frame.transparentIndex()));
            out.write(0);
            out.write(0x2C);
            u16(out, frame.left());
            u16(out, frame.top());
            u16(out, frame.width());
            u16(out, frame.height());
            int flags = frame.interlaced() ? 0x40 : 0;
            if (frame.localPalette() != null) {
                flags |= 0x80 | (sizeBits(frame.localPalette().length) - 1);
            }
            out.write(flags);
            if (frame.localPalette() != null) {
                palette(out, frame.localPalette());
            }
            lzw(out, frame.interlaced() ? interlaced(frame) : frame.indices());
        }
        out.write(0x3B);
        return out.toByteArray();
    }

    private static int[] interlaced(Frame frame) {
        int[] stored = new int[frame.indices().length];
        int at = 0;
        int[][] passes = {{0, 8}, {4, 8}, {2, 4}, {1, 2}};
        for (int[] pass : passes) {
            for (int row = pass[0]; row < frame.height(); row += pass[1]) {
                System.arraycopy(frame.indices(), row * frame.width(), stored, at, frame.width());
                at += frame.width();
            }
        }
        return stored;
    }

    private static void lzw(ByteArrayOutputStream out, int[] indices) {
        out.write(8);
        ByteArrayOutputStream codes = new ByteArrayOutputStream();
        int[] state = new int[2];
        code(codes, state, 256);
        int sinceClear = 0;
        for (int index : indices) {
            if (sinceClear == 254) {
                code(codes, state, 256);
                sinceClear = 0;
            }
            code(codes, state, index);
            sinceClear++;
        }
        code(codes, state, 257);
        if (state[1] > 0) {
            codes.write(state[0]);
        }
        byte[] data = codes.toByteArray();
        for (int at = 0; at < data.length; at += 255) {
            int length = Math.min(255, data.length - at);
            out.write(length);
            out.write(data, at, length);
        }
        out.write(0);
    }

    /** Appends a 9-bit code; state holds the pending bits and their count. */
    private static void code(ByteArrayOutputStream out, int[] state, int code) {
        state[0] |= code << state[1];
        state[1] += 9;
        while (state[1] >= 8) {
            out.write(state[0] & 0xFF);
            state[0] >>>= 8;
            state[1] -= 8;
        }
    }

    private static void palette(ByteArrayOutputStream out, int[] colours) {
        int size = 1 << sizeBits(colours.length);
        for (int i = 0; i < size; i++) {
            int c = i < colours.length ? colours[i] : 0;
            out.write(c >> 16 & 0xFF);
            out.write(c >> 8 & 0xFF);
            out.write(c & 0xFF);
        }
    }

    private static int sizeBits(int colours) {
        int bits = 1;
        while (1 << bits < colours) {
            bits++;
        }
        return bits;
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write(value >> 8 & 0xFF);
    }
}
