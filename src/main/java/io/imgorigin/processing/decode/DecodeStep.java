package io.imgorigin.processing.decode;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

import io.imgorigin.processing.ProcessingContext;
import io.imgorigin.processing.ProcessingStep;
import io.imgorigin.processing.SourceFormat;
import io.imgorigin.processing.geometry.ResizePlan;
import io.imgorigin.processing.transform.Resizer;

/**
 * Decodes the first frame or page of the source, no larger than the resize needs: twice the scaled
 * size per side (in stored orientation) or what block averaging would leave of it, never more than
 * the source. The first frame of
 * an animation is placed on its canvas, so the working image always has the canvas's proportions.
 */
public final class DecodeStep implements ProcessingStep {

    private static final int SHRINK_MARGIN = 2;

    private final ImageIoDecoder decoder;

    /** @param nativeCodecs whether ImageIO readers backed by native code (libjpeg-turbo) may be used */
    public DecodeStep(boolean nativeCodecs) {
        this.decoder = new ImageIoDecoder(nativeCodecs);
    }

    @Override
    public String name() {
        return "decode";
    }

    @Override
    public void apply(ProcessingContext context) {
        Dimension source = new Dimension(context.storedWidth(), context.storedHeight());
        byte[] bytes = context.source();
        Rectangle frame = null;
        if (context.sourceFormat() == SourceFormat.WEBP) {
            WebpFirstFrame first = WebpFirstFrame.of(bytes);
            if (first != null) {
                bytes = first.bytes();
                frame = first.bounds();
            }
        } else if (context.sourceFormat() == SourceFormat.GIF) {
            frame = GifHeaderParser.firstFrame(bytes);
        } else if (context.sourceFormat() == SourceFormat.BMP) {
            bytes = BmpInfoHeaders.normalised(bytes);
        }
        boolean placed = frame != null && !frame.equals(new Rectangle(source));
        Dimension decodeSource = placed ? frame.getSize() : source;
        Dimension wanted = placed ? decodeSource : wanted(context.plan(), source, context.transposed());
        ImageIoDecoder.Decoded decoded = decoder.decode(bytes, decodeSource, wanted, context.sourceFormat());
        BufferedImage image = decoded.image();
        if (placed) {
            image = onCanvas(image, frame, source);
            context.hasAlpha(true);
        }
        context.image(image);
        context.extent(placed ? null : decoded.extent());
        context.decoder(decoded.decoder());
    }

    static Dimension wanted(ResizePlan plan, Dimension source, boolean transposed) {
        long scaledWidth = transposed ? plan.scaledHeight() : plan.scaledWidth();
        long scaledHeight = transposed ? plan.scaledWidth() : plan.scaledHeight();
        return new Dimension(wantedSide(source.width, scaledWidth), wantedSide(source.height, scaledHeight));
    }

    /**
     * Twice the scaled size, but no more than the resizer keeps after averaging blocks. The second bound
     * matters only for reductions between 3× and 4×, where the resizer would average 2×2 blocks of a full
     * decode: a 1/2 DCT-scaled JPEG decode does that reduction itself, as fast as a full one, with a
     * quarter of the memory and no averaging pass (a 12 MP photo to 1200 px: 50.0 dB against full decode
     * plus Lanczos3, where block averaging gave 51.6).
     */
    private static int wantedSide(int source, long scaled) {
        int block = Resizer.blockFactor((double) source / scaled);
        return (int) Math.min(Math.min(source, SHRINK_MARGIN * scaled), Math.ceilDiv(source, block));
    }

    /** An animation's canvas starts transparent; the first frame covers only its own rectangle. */
    private static BufferedImage onCanvas(BufferedImage frameImage, Rectangle frame, Dimension canvasSize) {
        BufferedImage canvas = new BufferedImage(canvasSize.width, canvasSize.height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.drawImage(frameImage, frame.x, frame.y, null);
        } finally {
            g.dispose();
        }
        return canvas;
    }
}
