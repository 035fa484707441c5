package io.imgorigin.processing.decode;

import io.imgorigin.processing.probe.HeaderBytes;
import io.imgorigin.processing.probe.WebpHeaderParser;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;

/**
 * libwebp's still-image decoder refuses animations, so the first ANMF frame's bitstream (its
 * optional ALPH chunk and its VP8 or VP8L chunk) is rewrapped as a still WebP of its own, and its
 * place on the canvas is kept for compositing.
 *
 * @param bytes  a still WebP holding only the first frame
 * @param bounds where that frame lies on the canvas
 */
record WebpFirstFrame(byte[] bytes, Rectangle bounds) {

    private static final int ANMF_HEADER = 16;

    /** The first frame of an animated WebP, or null when the file is not an animation or has no complete frame. */
    static WebpFirstFrame of(byte[] data) {
        if (!WebpHeaderParser.matches(data) || !HeaderBytes.startsWith(data, 12, "VP8X") || data.length < 30
                || (data[20] & 0x02) == 0) {
            return null;
        }
        long position = 20 + span(HeaderBytes.u32le(data, 16, "WebP"));
        while (position + 8 <= data.length) {
            long size = HeaderBytes.u32le(data, position + 4, "WebP");
            long body = position + 8;
            if (size > data.length - body) {
                return null;
            }
            if (HeaderBytes.startsWith(data, position, "ANMF") && size > ANMF_HEADER) {
                return frame(data, (int) body, (int) size);
            }
            position = body + span(size);
        }
        return null;
    }

    private static WebpFirstFrame frame(byte[] data, int body, int size) {
        Rectangle bounds = new Rectangle(2 * HeaderBytes.u24le(data, body, "WebP"),
                2 * HeaderBytes.u24le(data, body + 3, "WebP"),
                HeaderBytes.u24le(data, body + 6, "WebP") + 1,
                HeaderBytes.u24le(data, body + 9, "WebP") + 1);
        int framePayload = body + ANMF_HEADER;
        int payloadLength = size - ANMF_HEADER;
        boolean alpha = HeaderBytes.startsWith(data, framePayload, "ALPH");
        ByteArrayOutputStream still = new ByteArrayOutputStream(payloadLength + 40);
        still.writeBytes(new byte[] {'R', 'I', 'F', 'F'});
        writeLe32(still, 4 + 18 + payloadLength);
        still.writeBytes(new byte[] {'W', 'E', 'B', 'P', 'V', 'P', '8', 'X'});
        writeLe32(still, 10);
        still.write(alpha ? 0x10 : 0);
        still.writeBytes(new byte[3]);
        writeLe24(still, bounds.width - 1);
        writeLe24(still, bounds.height - 1);
        still.write(data, framePayload, payloadLength);
        return new WebpFirstFrame(still.toByteArray(), bounds);
    }

    private static long span(long size) {
        return size + (size & 1);
    }

    private static void writeLe32(ByteArrayOutputStream out, int value) {
        writeLe24(out, value);
        out.write(value >>> 24);
    }

    private static void writeLe24(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
    }
}
