package io.imgorigin.processing.decode;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

import io.imgorigin.processing.pipeline.AnimationFrame;
import io.imgorigin.processing.pipeline.FrameReader;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * Every frame of a GIF, composited as browsers show it: the canvas starts transparent (the background
 * colour index is ignored, as browsers do), each frame is drawn at its offset with its own or the global
 * palette and its transparent index left undrawn, then disposed of: 0 and 1 (and the undefined 4..7) keep
 * it, 2 clears its rectangle to transparent, 3 restores the canvas as it was before the frame. Only the
 * canvas, one saved canvas and one frame's indices are held, whatever the frame count.
 *
 * <p>Loop count: no NETSCAPE2.0 extension plays once (1); its field 0 is for ever (0); a field n repeats n
 * times after the first play, n + 1 plays in all, as WebP's ANIM loop count and {@link FrameReader#loopCount}
 * count them. {@link io.imgorigin.processing.encode.GifFrameWriter} writes the inverse, so GIF to GIF and
 * GIF to WebP keep how often the animation plays.
 *
 * <p>A file cut inside a block, a frame reaching past the logical screen, or a canvas over the pixel
 * limit is an {@link UnusableImageException}.
 */
public final class GifFrameReader implements FrameReader {

    /** Canvas pixels refused by the one-argument constructor; the pipeline's own limits are lower. */
    public static final long DEFAULT_MAX_CANVAS_PIXELS = 1L << 27;

    private static final int[][] INTERLACE_PASSES = {{0, 8}, {4, 8}, {2, 4}, {1, 2}};

    private final byte[] source;
    private final GifBlocks blocks;
    private final int width;
    private final int height;
    private final int frameCount;
    private final int loopCount;
    private final GifLzw lzw = new GifLzw();
    private int[] canvas;
    private int[] saved;
    private byte[] indices;
    private boolean closed;

    public GifFrameReader(byte[] source) {
        this(source, DEFAULT_MAX_CANVAS_PIXELS);
    }

    /** @param maxCanvasPixels the largest logical screen accepted, width times height */
    public GifFrameReader(byte[] source, long maxCanvasPixels) {
        this.source = source;
        GifBlocks scan = new GifBlocks(source);
        width = scan.screenWidth();
        height = scan.screenHeight();
        if (width == 0 || height == 0) {
            throw new UnusableImageException("GIF logical screen is empty: " + width + "x" + height);
        }
        if ((long) width * height > maxCanvasPixels) {
            throw new UnusableImageException("GIF canvas " + width + "x" + height + " is over the limit of "
                    + maxCanvasPixels + " pixels");
        }
        int frames = 0;
        for (GifBlocks.Frame frame = scan.next(); frame != null; frame = scan.next()) {
            checkBounds(frame, frames);
            frames++;
        }
        if (frames == 0) {
            throw new UnusableImageException("GIF has no image");
        }
        frameCount = frames;
        int loops = scan.netscapeLoops();
        loopCount = loops < 0 ? 1 : loops == 0 ? 0 : loops + 1;
        blocks = new GifBlocks(source);
    }

    @Override
    public int canvasWidth() {
        return width;
    }

    @Override
    public int canvasHeight() {
        return height;
    }

    @Override
    public int frameCount() {
        return frameCount;
    }

    @Override
    public int loopCount() {
        return loopCount;
    }

    @Override
    public AnimationFrame next() {
        if (closed) {
            throw new IllegalStateException("the frame reader is closed");
        }
        GifBlocks.Frame frame = blocks.next();
        if (frame == null) {
            return null;
        }
        if (canvas == null) {
            canvas = new int[width * height];
            indices = new byte[width * height];
        }
        if (frame.disposal() == 3) {
            if (saved == null) {
                saved = new int[canvas.length];
            }
            System.arraycopy(canvas, 0, saved, 0, canvas.length);
        }
        draw(frame);
        BufferedImage shown = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        System.arraycopy(canvas, 0, ((DataBufferInt) shown.getRaster().getDataBuffer()).getData(), 0, canvas.length);
        dispose(frame);
        return new AnimationFrame(shown, frame.delayCentis() * 10);
    }

    private void draw(GifBlocks.Frame frame) {
        int pixels = frame.width() * frame.height();
        if (pixels == 0) {
            return;
        }
        if (frame.paletteSize() == 0) {
            throw new UnusableImageException("GIF frame has neither a local nor a global colour table");
        }
        int[] palette = new int[256];
        for (int i = 0; i < frame.paletteSize(); i++) {
            int at = frame.paletteOffset() + 3 * i;
            palette[i] = 0xFF000000 | (source[at] & 0xFF) << 16 | (source[at + 1] & 0xFF) << 8 | source[at + 2] & 0xFF;
        }
        // Indices past a short palette show black, as browsers do.
        Arrays.fill(palette, frame.paletteSize(), 256, 0xFF000000);
        int decoded = lzw.decode(source, frame.dataOffset(), indices, pixels);
        int transparent = frame.transparentIndex();
        int frameWidth = frame.width();
        for (int stored = 0; stored * frameWidth < decoded; stored++) {
            int row = frame.interlaced() ? interlacedRow(stored, frame.height()) : stored;
            int from = stored * frameWidth;
            int columns = Math.min(frameWidth, decoded - from);
            int target = (frame.top() + row) * width + frame.left();
            for (int column = 0; column < columns; column++) {
                int index = indices[from + column] & 0xFF;
                if (index != transparent) {
                    canvas[target + column] = palette[index];
                }
            }
        }
    }

    /** The canvas row of the {@code stored}th row of an interlaced frame (passes every 8th from 0, from 4, every 4th from 2, every 2nd from 1). */
    private static int interlacedRow(int stored, int rows) {
        int remaining = stored;
        for (int[] pass : INTERLACE_PASSES) {
            int inPass = rows > pass[0] ? (rows - pass[0] + pass[1] - 1) / pass[1] : 0;
            if (remaining < inPass) {
                return pass[0] + remaining * pass[1];
            }
            remaining -= inPass;
        }
        throw new IllegalStateException("row " + stored + " of " + rows);
    }

    private void dispose(GifBlocks.Frame frame) {
        if (frame.disposal() == 2) {
            for (int y = frame.top(); y < frame.top() + frame.height(); y++) {
                int start = y * width + frame.left();
                Arrays.fill(canvas, start, start + frame.width(), 0);
            }
        } else if (frame.disposal() == 3) {
            int[] swap = canvas;
            canvas = saved;
            saved = swap;
        }
    }

    private void checkBounds(GifBlocks.Frame frame, int index) {
        if (frame.left() + frame.width() > width || frame.top() + frame.height() > height) {
            throw new UnusableImageException("GIF frame " + index + " (" + frame.width() + "x" + frame.height()
                    + " at " + frame.left() + "," + frame.top() + ") exceeds the " + width + "x" + height + " canvas");
        }
    }

    @Override
    public void close() {
        closed = true;
        canvas = null;
        saved = null;
        indices = null;
    }
}
