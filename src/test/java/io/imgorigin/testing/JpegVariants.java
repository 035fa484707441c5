package io.imgorigin.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The same pixels as JPEGs of the kinds a reader must tell apart, written by the JDK's encoder: baseline or
 * progressive, chroma at full resolution (4:4:4) or halved both ways (4:2:0), with or without restart markers.
 */
public final class JpegVariants {

    /**
     * @param progressive     progressive (the encoder's default script: DC first, then AC bands) or baseline
     * @param subsampled      4:2:0 rather than 4:4:4
     * @param restartInterval MCUs between restart markers, 0 for none
     * @param quality         0..1
     */
    public record Kind(boolean progressive, boolean subsampled, int restartInterval, float quality) {

        @Override
        public String toString() {
            return (progressive ? "progressive" : "baseline") + (subsampled ? "-420" : "-444")
                    + (restartInterval > 0 ? "-rst" + restartInterval : "") + "-q" + Math.round(quality * 100);
        }
    }

    private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

    private JpegVariants() {
    }

    /**
     * A picture with the structure of a photo: a sky-like vertical gradient over most of it, a darker ground,
     * and soft-edged shapes of random colours, so blocks differ and the entropy-coded data is not trivial.
     */
    public static BufferedImage photoLike(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x3070C0), 0, height * 0.7f, new Color(0x90B8E0)));
        g.fillRect(0, 0, width, height);
        g.setPaint(new GradientPaint(0, height * 0.7f, new Color(0x506030), 0, height, new Color(0x303818)));
        g.fillRect(0, (int) (height * 0.7), width, height - (int) (height * 0.7));
        Random random = new Random(seed);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(0x1000000)));
            int size = Math.max(4, Math.min(width, height) / 12);
            g.fillOval(random.nextInt(width), random.nextInt(height), size + random.nextInt(size), size + random.nextInt(size));
        }
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, Kind kind) {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            // The encoder takes three components; an alpha channel would make it write four.
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(kind.quality());
            if (kind.progressive()) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), param);
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
            IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            NodeList components = markers.getElementsByTagName("componentSpec");
            for (int i = 0; i < components.getLength(); i++) {
                IIOMetadataNode component = (IIOMetadataNode) components.item(i);
                int factor = i == 0 && kind.subsampled() ? 2 : 1;
                component.setAttribute("HsamplingFactor", Integer.toString(factor));
                component.setAttribute("VsamplingFactor", Integer.toString(factor));
            }
            if (kind.restartInterval() > 0) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(kind.restartInterval()));
                Node sof = markers.getElementsByTagName("sof").item(0);
                markers.insertBefore(dri, sof);
            }
            metadata.setFromTree(FORMAT, root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(rgb, null, metadata), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
