package io.imgorigin.testing;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.w3c.dom.Node;

/**
 * Animated GIFs written and read with the JDK's GIF codec, frame by frame as stored: for generating test
 * sources (frames of different sizes and places, disposals, transparency) and for reading outputs back.
 */
public final class AnimatedGifs {

    /**
     * One stored frame.
     *
     * @param disposal GIF disposal method: none, doNotDispose, restoreToBackgroundColor, restoreToPrevious
     */
    public record Frame(BufferedImage image, int x, int y, int delayMillis, String disposal) {

        public Frame(BufferedImage image, int delayMillis) {
            this(image, 0, 0, delayMillis, "none");
        }
    }

    /** What a GIF's stream and frame metadata say: canvas, loop count (0 for ever, -1 absent), and frames. */
    public record Read(int width, int height, int loopCount, List<Frame> frames) {

        public List<Integer> delays() {
            return frames.stream().map(Frame::delayMillis).toList();
        }
    }

    private AnimatedGifs() {
    }

    public static byte[] write(int width, int height, int loopCount, List<Frame> frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            IIOMetadata stream = writer.getDefaultStreamMetadata(null);
            IIOMetadataNode streamRoot = new IIOMetadataNode("javax_imageio_gif_stream_1.0");
            IIOMetadataNode screen = new IIOMetadataNode("LogicalScreenDescriptor");
            screen.setAttribute("logicalScreenWidth", Integer.toString(width));
            screen.setAttribute("logicalScreenHeight", Integer.toString(height));
            screen.setAttribute("colorResolution", "8");
            screen.setAttribute("pixelAspectRatio", "0");
            streamRoot.appendChild(screen);
            stream.mergeTree("javax_imageio_gif_stream_1.0", streamRoot);
            writer.prepareWriteSequence(stream);
            boolean first = true;
            for (Frame frame : frames) {
                IIOMetadata metadata = writer.getDefaultImageMetadata(
                        ImageTypeSpecifier.createFromRenderedImage(frame.image()), null);
                String format = metadata.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
                IIOMetadataNode control = child(root, "GraphicControlExtension");
                control.setAttribute("disposalMethod", frame.disposal());
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("delayTime", Integer.toString(frame.delayMillis() / 10));
                int transparent = frame.image().getColorModel() instanceof IndexColorModel indexed
                        ? indexed.getTransparentPixel() : -1;
                control.setAttribute("transparentColorFlag", transparent >= 0 ? "TRUE" : "FALSE");
                control.setAttribute("transparentColorIndex", Integer.toString(Math.max(transparent, 0)));
                IIOMetadataNode descriptor = child(root, "ImageDescriptor");
                descriptor.setAttribute("imageLeftPosition", Integer.toString(frame.x()));
                descriptor.setAttribute("imageTopPosition", Integer.toString(frame.y()));
                if (first && loopCount >= 0) {
                    IIOMetadataNode applications = child(root, "ApplicationExtensions");
                    IIOMetadataNode netscape = new IIOMetadataNode("ApplicationExtension");
                    netscape.setAttribute("applicationID", "NETSCAPE");
                    netscape.setAttribute("authenticationCode", "2.0");
                    netscape.setUserObject(new byte[] {1, (byte) loopCount, (byte) (loopCount >> 8)});
                    applications.appendChild(netscape);
                }
                first = false;
                metadata.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(frame.image(), null, metadata), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The stored frames of a GIF, with the canvas and loop count its metadata declares. */
    public static Read read(byte[] gif) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(gif))) {
            reader.setInput(in, false, false);
            IIOMetadataNode stream = (IIOMetadataNode) reader.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0");
            IIOMetadataNode screen = child(stream, "LogicalScreenDescriptor");
            int width = Integer.parseInt(screen.getAttribute("logicalScreenWidth"));
            int height = Integer.parseInt(screen.getAttribute("logicalScreenHeight"));
            int loop = -1;
            List<Frame> frames = new ArrayList<>();
            int count = reader.getNumImages(true);
            for (int i = 0; i < count; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = child(root, "GraphicControlExtension");
                IIOMetadataNode descriptor = child(root, "ImageDescriptor");
                if (i == 0) {
                    loop = loopCount(root);
                }
                frames.add(new Frame(reader.read(i), Integer.parseInt(descriptor.getAttribute("imageLeftPosition")),
                        Integer.parseInt(descriptor.getAttribute("imageTopPosition")),
                        control.hasAttribute("delayTime") ? Integer.parseInt(control.getAttribute("delayTime")) * 10 : 0,
                        control.getAttribute("disposalMethod")));
            }
            return new Read(width, height, loop, frames);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    private static int loopCount(IIOMetadataNode root) {
        for (Node applications = root.getFirstChild(); applications != null; applications = applications.getNextSibling()) {
            if (!applications.getNodeName().equals("ApplicationExtensions")) {
                continue;
            }
            for (Node node = applications.getFirstChild(); node != null; node = node.getNextSibling()) {
                IIOMetadataNode extension = (IIOMetadataNode) node;
                byte[] data = (byte[]) extension.getUserObject();
                if ("NETSCAPE".equals(extension.getAttribute("applicationID")) && data != null && data.length >= 3
                        && data[0] == 1) {
                    return (data[1] & 0xFF) | (data[2] & 0xFF) << 8;
                }
            }
        }
        return -1;
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeName().equals(name)) {
                return (IIOMetadataNode) node;
            }
        }
        IIOMetadataNode created = new IIOMetadataNode(name);
        parent.appendChild(created);
        return created;
    }
}
