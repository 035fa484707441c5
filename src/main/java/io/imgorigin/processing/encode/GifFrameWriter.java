package io.imgorigin.processing.encode;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import io.imgorigin.processing.encode.palette.IndexedImage;
import io.imgorigin.processing.encode.palette.Palette;
import io.imgorigin.processing.encode.palette.Quantiser;
import io.imgorigin.processing.pipeline.AnimationFrame;
import io.imgorigin.processing.pipeline.FrameWriter;

/**
 * GIF through the JDK's writer in sequence mode, each frame the whole canvas with its own palette of at
 * most 256 colours (one of them transparent where the frame has alpha under 128). A frame is written
 * when the next one arrives, because its disposal depends on that one: restore to background when the
 * next frame has transparent pixels (so nothing of this frame shows through them), else keep. Only one
 * quantised canvas is held at a time. One frame with a loop count of 1 is a still GIF.
 *
 * <p>Loop count, the inverse of {@link io.imgorigin.processing.decode.GifFrameReader}'s: 1 writes no
 * NETSCAPE2.0 extension (plays once), 0 writes its field 0 (for ever), n writes n - 1 repeats (at most
 * 65535). Delays are rounded to centiseconds, at most 655.35 s.
 */
public final class GifFrameWriter implements FrameWriter {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";
    private static final int MAX_FIELD = 0xFFFF;

    private final int width;
    private final int height;
    private final int loopCount;
    private final Quantiser quantiser;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private ImageWriter writer;
    private ImageOutputStream output;
    private IndexedImage pending;
    private int pendingDelay;
    private int written;
    private boolean firstTransparent;
    private boolean finished;

    /**
     * @param loopCount how many times the animation plays, 0 for ever
     * @param dither    whether frames with more than 256 colours are dithered (Floyd–Steinberg)
     */
    public GifFrameWriter(int width, int height, int loopCount, boolean dither) {
        if (width < 1 || height < 1 || width > MAX_FIELD || height > MAX_FIELD) {
            throw new IllegalArgumentException("a GIF canvas is 1 to 65535 pixels a side, not " + width + "x" + height);
        }
        if (loopCount < 0) {
            throw new IllegalArgumentException("a loop count cannot be negative: " + loopCount);
        }
        this.width = width;
        this.height = height;
        this.loopCount = loopCount;
        this.quantiser = new Quantiser(dither);
    }

    @Override
    public void add(AnimationFrame frame) {
        if (finished) {
            throw new IllegalStateException("the GIF is finished");
        }
        BufferedImage image = frame.image();
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException("frame " + image.getWidth() + "x" + image.getHeight()
                    + " on a " + width + "x" + height + " canvas");
        }
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        IndexedImage indexed = quantiser.quantise(argb, width, height);
        if (pending == null && written == 0) {
            firstTransparent = indexed.hasTransparency();
        } else {
            write(pending, pendingDelay, indexed.hasTransparency());
        }
        pending = indexed;
        pendingDelay = frame.delayMillis();
    }

    @Override
    public byte[] finish() {
        if (finished) {
            throw new IllegalStateException("the GIF is finished");
        }
        if (pending == null) {
            throw new IllegalStateException("a GIF needs at least one frame");
        }
        // Viewers start each loop on the last frame's disposal; clear it where the first frame is transparent.
        write(pending, pendingDelay, firstTransparent);
        pending = null;
        finished = true;
        try {
            writer.endWriteSequence();
            output.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release();
        }
        return bytes.toByteArray();
    }

    private void write(IndexedImage frame, int delayMillis, boolean clearAfter) {
        try {
            if (writer == null) {
                writer = gifWriter();
                output = new MemoryCacheImageOutputStream(bytes);
                writer.setOutput(output);
                writer.prepareWriteSequence(null);
            }
            BufferedImage image = indexedImage(frame);
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), null);
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
            IIOMetadataNode control = child(root, "GraphicControlExtension");
            control.setAttribute("disposalMethod", clearAfter ? "restoreToBackgroundColor" : "doNotDispose");
            control.setAttribute("userInputFlag", "FALSE");
            control.setAttribute("transparentColorFlag", frame.hasTransparency() ? "TRUE" : "FALSE");
            control.setAttribute("transparentColorIndex",
                    Integer.toString(Math.max(0, frame.palette().transparentIndex())));
            control.setAttribute("delayTime", Integer.toString(Math.min(MAX_FIELD, (delayMillis + 5) / 10)));
            if (written == 0 && loopCount != 1) {
                IIOMetadataNode extensions = child(root, "ApplicationExtensions");
                IIOMetadataNode netscape = new IIOMetadataNode("ApplicationExtension");
                netscape.setAttribute("applicationID", "NETSCAPE");
                netscape.setAttribute("authenticationCode", "2.0");
                int repeats = loopCount == 0 ? 0 : Math.min(MAX_FIELD, loopCount - 1);
                netscape.setUserObject(new byte[] {1, (byte) repeats, (byte) (repeats >> 8)});
                extensions.appendChild(netscape);
            }
            metadata.setFromTree(FORMAT, root);
            writer.writeToSequence(new IIOImage(image, null, metadata), null);
            written++;
        } catch (IIOInvalidTreeException e) {
            throw new IllegalStateException("GIF metadata refused by the writer", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage indexedImage(IndexedImage frame) {
        Palette palette = frame.palette();
        int size = palette.size();
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            int c = palette.colours()[i];
            r[i] = (byte) (c >> 16);
            g[i] = (byte) (c >> 8);
            b[i] = (byte) c;
        }
        IndexColorModel model = new IndexColorModel(8, size, r, g, b, palette.transparentIndex());
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_BYTE_INDEXED, model);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(frame.indices(), 0, target, 0, target.length);
        return image;
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i) instanceof IIOMetadataNode node && node.getNodeName().equals(name)) {
                return node;
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }

    private static ImageWriter gifWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IllegalStateException("the JDK's GIF writer is not registered");
        }
        return writers.next();
    }

    @Override
    public void close() {
        pending = null;
        finished = true;
        release();
    }

    private void release() {
        if (writer != null) {
            writer.dispose();
            writer = null;
        }
    }
}
