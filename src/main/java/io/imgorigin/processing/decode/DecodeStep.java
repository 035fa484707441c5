package io.imgorigin.processing.decode;

import io.imgorigin.processing.probe.GifHeaderParser;
import io.imgorigin.processing.probe.IcoHeaderParser;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;
import io.imgorigin.processing.pipeline.ResizePlan;
import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.codec.svg.SvgException;
import io.imgorigin.codec.svg.SvgRenderer;

/**
 * Decodes the first frame or page of the source, no larger than the resize needs (see
 * {@link ShrinkOnLoad}). The first frame of an animation is placed on its canvas, so the working image
 * always has the canvas's proportions.
 */
public final class DecodeStep implements ProcessingStep {

    private final ImageIoDecoder decoder;
    private final boolean nativeCodecs;

    /** @param nativeCodecs whether ImageIO readers backed by native code (libjpeg-turbo) may be used */
    public DecodeStep(boolean nativeCodecs) {
        this.decoder = new ImageIoDecoder(nativeCodecs);
        this.nativeCodecs = nativeCodecs;
    }

    @Override
    public String name() {
        return "decode";
    }

    @Override
    public void apply(ProcessingContext context) {
        if (context.sourceFormat() == SourceFormat.SVG) {
            renderSvg(context);
            return;
        }
        if (nativeCodecs && context.sourceFormat() == SourceFormat.JPEG && JpegRegionDecode.decode(decoder, context)) {
            return;
        }
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
        } else if (context.sourceFormat() == SourceFormat.ICO) {
            bytes = largestIconFirst(bytes);
        }
        boolean placed = frame != null && !frame.equals(new Rectangle(source));
        Dimension decodeSource = placed ? frame.getSize() : source;
        ShrinkOnLoad shrink = placed ? ShrinkOnLoad.none(decodeSource)
                : ShrinkOnLoad.of(context.plan(), source, context.transposed());
        ImageIoDecoder.Decoded decoded = decoder.decode(bytes, shrink, context.sourceFormat());
        BufferedImage image = decoded.image();
        if (placed) {
            image = onCanvas(image, frame, source);
            context.hasAlpha(true);
        }
        context.image(image);
        context.extent(placed ? null : decoded.extent());
        context.decoder(decoded.decoder());
    }

    /**
     * An SVG is drawn as a vector straight at the plan's scaled size (an SVG has no orientation), so the
     * resize step has nothing left to scale, only a cover crop to cut; with a trim or crop it is drawn at
     * its own size, which those cut.
     */
    private static void renderSvg(ProcessingContext context) {
        ResizePlan plan = context.plan();
        // Trim and crop cut by pixel coordinates of the image's own size; a quarter turn swaps the sides.
        boolean cuts = plan.edits().trim() != null || plan.edits().crop() != null;
        boolean swapped = plan.edits().swapsSides();
        int width = cuts ? context.storedWidth() : swapped ? plan.scaledHeight() : plan.scaledWidth();
        int height = cuts ? context.storedHeight() : swapped ? plan.scaledWidth() : plan.scaledHeight();
        try {
            context.image(SvgRenderer.render(context.source(), context.storedWidth(), context.storedHeight(),
                    width, height));
        } catch (SvgException e) {
            throw new UnusableImageException("the SVG image could not be rendered: " + e.getMessage(), e);
        }
        context.extent(null);
        context.hasAlpha(true);
        context.decoder(SvgRenderer.CODEC_NAME);
    }

    /** The ICO reader reads the directory's first image; the probe's largest one is moved there. */
    private static byte[] largestIconFirst(byte[] ico) {
        int count = (ico[4] & 0xFF) | (ico[5] & 0xFF) << 8;
        int largest = IcoHeaderParser.largest(ico, count);
        if (largest == 0) {
            return ico;
        }
        byte[] copy = ico.clone();
        System.arraycopy(ico, 6 + 16 * largest, copy, 6, 16);
        System.arraycopy(ico, 6, copy, 6 + 16 * largest, 16);
        return copy;
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
