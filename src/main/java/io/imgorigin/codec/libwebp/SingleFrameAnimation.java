package io.imgorigin.codec.libwebp;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;

/**
 * WebPMuxAssemble writes a one-frame animation as a still image, which has no duration; this rewraps that
 * still's image chunks (ALPH and VP8, or VP8L) as the one ANMF frame of an animation (VP8X, ANIM, ANMF),
 * so a one-frame animation keeps its delay and loop count.
 */
final class SingleFrameAnimation {

    private static final int VP8X_ANIMATION = 0x02;
    private static final int VP8X_ALPHA = 0x10;
    private static final int ANMF_NO_BLEND = 0x02;

    private SingleFrameAnimation() {
    }

    static byte[] wrap(byte[] still, int width, int height, int loopCount, int durationMs) {
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        boolean alpha = false;
        int at = 12;
        while (at + 8 <= still.length) {
            String fourcc = new String(still, at, 4, US_ASCII);
            long size = u32(still, at + 4);
            long padded = size + (size & 1);
            if (padded > still.length - at - 8) {
                throw new WebpException("WebPMuxAssemble wrote a chunk past the end of its data");
            }
            if (fourcc.equals("VP8X")) {
                alpha |= size >= 1 && (still[at + 8] & VP8X_ALPHA) != 0;
            } else if (fourcc.equals("ALPH") || fourcc.equals("VP8 ") || fourcc.equals("VP8L")) {
                alpha |= fourcc.equals("ALPH");
                image.write(still, at, (int) (8 + padded));
            }
            at += (int) (8 + padded);
        }
        byte[] frame = image.toByteArray();
        if (frame.length == 0) {
            throw new WebpException("WebPMuxAssemble wrote no image chunk");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(US_ASCII));
        int riff = 4 + (8 + 10) + (8 + 6) + (8 + 16 + frame.length);
        u32(out, riff);
        out.writeBytes("WEBPVP8X".getBytes(US_ASCII));
        u32(out, 10);
        out.write(VP8X_ANIMATION | (alpha ? VP8X_ALPHA : 0));
        out.write(0);
        out.write(0);
        out.write(0);
        u24(out, width - 1);
        u24(out, height - 1);
        out.writeBytes("ANIM".getBytes(US_ASCII));
        u32(out, 6);
        u32(out, 0);
        out.write(loopCount & 0xFF);
        out.write(loopCount >> 8 & 0xFF);
        out.writeBytes("ANMF".getBytes(US_ASCII));
        u32(out, 16 + frame.length);
        u24(out, 0);
        u24(out, 0);
        u24(out, width - 1);
        u24(out, height - 1);
        u24(out, durationMs);
        out.write(ANMF_NO_BLEND);
        out.writeBytes(frame);
        return out.toByteArray();
    }

    private static long u32(byte[] data, int at) {
        return (data[at] & 0xFFL) | (data[at + 1] & 0xFFL) << 8 | (data[at + 2] & 0xFFL) << 16 | (data[at + 3] & 0xFFL) << 24;
    }

    private static void u32(ByteArrayOutputStream out, int value) {
        u24(out, value);
        out.write(value >>> 24);
    }

    private static void u24(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write(value >> 8 & 0xFF);
        out.write(value >> 16 & 0xFF);
    }
}
