package io.imgorigin.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

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

    public static byte[] encode(BufferedImage rgb, Kind kind) {
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
