package io.imgorigin.processing.probe;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.imgorigin.codec.svg.SvgProlog;
import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * SVG: recognised by an {@code <svg>} root element (after a BOM, an XML declaration, comments and
 * whitespace), and sized from that element's attributes, SPEC 2.1: {@code width} and {@code height} in
 * absolute units (px by default; pt, pc, mm, cm, in, and em/ex at 16 px), a missing or relative one
 * (percentages) taken from the {@code viewBox}'s aspect ratio, both missing the {@code viewBox}'s size, and
 * with none of them the 300×150 of a CSS replaced element. Sides are rounded half up to at least 1 px; one
 * over {@link #MAX_SIDE}, or a size that is not a number, is refused (422), and the pixel limit applies to
 * W×H as to any image. An SVG has no EXIF orientation, is transparent where nothing is drawn, and one with
 * a DOCTYPE or an entity declaration is refused here at once (422), before any XML parser sees it.
 */
final class SvgHeaderParser {

    /** The largest side an SVG may declare; ample for any vector drawing, far inside int arithmetic. */
    static final int MAX_SIDE = 1 << 20;
    static final int DEFAULT_WIDTH = 300;
    static final int DEFAULT_HEIGHT = 150;

    private static final Pattern LENGTH = Pattern.compile(
            "\\s*([+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(px|pt|pc|mm|cm|in|em|ex|%)?\\s*");
    private static final Pattern SEPARATOR = Pattern.compile("[\\s,]+");

    private SvgHeaderParser() {
    }

    static Optional<SvgProlog> recognise(byte[] data) {
        return SvgProlog.of(data);
    }

    static ImageHeader parse(SvgProlog prolog) {
        if (prolog.declaresDtd()) {
            throw new UnusableImageException("the SVG declares a DOCTYPE or an entity, which imgorigin never expands");
        }
        Map<String, String> attributes = prolog.rootAttributes();
        double width = length(attributes.get("width"));
        double height = length(attributes.get("height"));
        double[] viewBox = viewBox(attributes.get("viewBox"));
        if (Double.isNaN(width) || Double.isNaN(height)) {
            if (viewBox != null) {
                if (Double.isNaN(width) && Double.isNaN(height)) {
                    width = viewBox[0];
                    height = viewBox[1];
                } else if (Double.isNaN(width)) {
                    width = height * viewBox[0] / viewBox[1];
                } else {
                    height = width * viewBox[1] / viewBox[0];
                }
            } else {
                width = Double.isNaN(width) ? DEFAULT_WIDTH : width;
                height = Double.isNaN(height) ? DEFAULT_HEIGHT : height;
            }
        }
        int w = side(width);
        int h = side(height);
        return new ImageHeader(SourceFormat.SVG, w, h, HeaderBytes.area(w, h), 1, 1, null, true);
    }

    private static int side(double value) {
        if (!Double.isFinite(value) || value <= 0 || value > MAX_SIDE) {
            throw new UnusableImageException("the SVG declares an unusable size (" + value + "); sides of 1 to "
                    + MAX_SIDE + " px are rendered");
        }
        return (int) Math.max(1, Math.floor(value + 0.5));
    }

    /** An absolute length in px, or NaN when absent, relative (%) or unparseable. Zero and negatives are NaN too. */
    static double length(String value) {
        if (value == null) {
            return Double.NaN;
        }
        Matcher m = LENGTH.matcher(value);
        if (!m.matches()) {
            return Double.NaN;
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "px" : m.group(2);
        double px = switch (unit) {
            case "px" -> number;
            case "pt" -> number * 96 / 72;
            case "pc" -> number * 16;
            case "mm" -> number * 96 / 25.4;
            case "cm" -> number * 96 / 2.54;
            case "in" -> number * 96;
            case "em" -> number * 16;
            case "ex" -> number * 8;
            default -> Double.NaN;
        };
        return px > 0 && Double.isFinite(px) ? px : Double.NaN;
    }

    /** The viewBox's width and height when both are positive and finite, else null. */
    private static double[] viewBox(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = SEPARATOR.split(value.trim());
        if (parts.length != 4) {
            return null;
        }
        try {
            double width = Double.parseDouble(parts[2]);
            double height = Double.parseDouble(parts[3]);
            return width > 0 && height > 0 && Double.isFinite(width) && Double.isFinite(height)
                    ? new double[] {width, height} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
