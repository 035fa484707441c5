package io.imgorigin.processing.encode;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import io.imgorigin.processing.pipeline.AnimationFrame;
import io.imgorigin.processing.pipeline.FrameReader;
import io.imgorigin.processing.pipeline.FrameWriter;

/** Helpers for the animation writer tests: generated frames, and reading a whole animation back. */
final class AnimationFrames {

    private AnimationFrames() {
    }

    /** A canvas filled with one straight-alpha ARGB colour, with a rectangle of another. */
    static BufferedImage canvas(int width, int height, int argb, int x, int y, int w, int h, int rectArgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int j = 0; j < height; j++) {
            for (int i = 0; i < width; i++) {
                boolean inside = i >= x && i < x + w && j >= y && j < y + h;
                image.setRGB(i, j, inside ? rectArgb : argb);
            }
        }
        return image;
    }

    record Animation(int width, int height, int loopCount, int declaredFrames, List<AnimationFrame> frames) {

        List<Integer> delays() {
            return frames.stream().map(AnimationFrame::delayMillis).toList();
        }
    }

    static Animation readAll(FrameReader reader) {
        try (reader) {
            List<AnimationFrame> frames = new ArrayList<>();
            for (AnimationFrame frame = reader.next(); frame != null; frame = reader.next()) {
                frames.add(frame);
            }
            return new Animation(reader.canvasWidth(), reader.canvasHeight(), reader.loopCount(), reader.frameCount(),
                    frames);
        }
    }

    /** Copies every frame from the reader to the writer, frame by frame, and returns the file. */
    static byte[] transcode(FrameReader reader, FrameWriter writer) {
        try (reader; writer) {
            for (AnimationFrame frame = reader.next(); frame != null; frame = reader.next()) {
                writer.add(frame);
            }
            return writer.finish();
        }
    }

    /** Mean absolute difference per channel over pixels opaque in both, and the count of alpha disagreements. */
    static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        long counted = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                if (p >>> 24 < 128 || q >>> 24 < 128) {
                    continue;
                }
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
                }
                counted += 3;
            }
        }
        return counted == 0 ? 0 : sum / (double) counted;
    }

    /** Pixels where one image is transparent (alpha under 128) and the other is not. */
    static int alphaDisagreements(BufferedImage a, BufferedImage b) {
        int count = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) >>> 24 < 128) != (b.getRGB(x, y) >>> 24 < 128)) {
                    count++;
                }
            }
        }
        return count;
    }
}
