package io.imgorigin.options;

import java.math.BigDecimal;
import java.util.StringJoiner;

/**
 * The validated options of one request, presets expanded and defaults filled in. Two requests that ask
 * for the same image have equal values and the same {@link #canonical()} form, whatever the order or
 * spelling of their query string and whichever presets brought the options.
 *
 * @param width     requested width in CSS pixels, or null
 * @param height    requested height in CSS pixels, or null
 * @param quality   the quality of each lossy format: the request's {@code q}, else the configured defaults
 * @param dpr       device pixel ratio, 1..4, scale of at most two decimals
 * @param watermark the {@code wm} option, or null
 * @param edits     trim, crop, rot, flip, pad, blur, sharpen, the focal point of {@code g=fp:X,Y} and
 *                  {@code anim}; {@link Edits#none()} when none is asked for
 */
public record ImageOptions(
        Integer width,
        Integer height,
        FormatRequest format,
        Quality quality,
        Fit fit,
        Gravity gravity,
        BigDecimal dpr,
        Rgba background,
        boolean enlarge,
        WatermarkOptions watermark,
        Edits edits) {

    public ImageOptions {
        edits = edits == null ? Edits.none() : edits;
        if ((gravity == Gravity.FOCAL_POINT) != (edits.focalPoint() != null)) {
            throw new IllegalArgumentException("g=fp needs a focal point, and a focal point needs g=fp");
        }
    }

    /** Options without any of the editing options. */
    public ImageOptions(Integer width, Integer height, FormatRequest format, Quality quality, Fit fit,
            Gravity gravity, BigDecimal dpr, Rgba background, boolean enlarge, WatermarkOptions watermark) {
        this(width, height, format, quality, fit, gravity, dpr, background, enlarge, watermark, Edits.none());
    }

    /** Options with {@code q} given (the same quality for every format) and no watermark. */
    public ImageOptions(Integer width, Integer height, FormatRequest format, int quality, Fit fit, Gravity gravity,
            BigDecimal dpr, Rgba background, boolean enlarge) {
        this(width, height, format, Quality.of(quality), fit, gravity, dpr, background, enlarge, null);
    }

    /** The source as it is: no resize, its own format, upright (what a request without options asks for). */
    public static ImageOptions original() {
        return new ImageOptions(null, null, FormatRequest.ORIGINAL, Quality.of(80), Fit.COVER, Gravity.CENTER,
                BigDecimal.ONE, Rgba.WHITE, false, null);
    }

    /** The {@code anim} option: whether an animated source keeps its frames (SPEC section 2.2). */
    public boolean animate() {
        return edits.animate();
    }

    /** The {@code blur} sigma in output pixels, or null when not asked for. */
    public Double blurSigma() {
        return edits.blur() == null ? null : edits.blur().doubleValue();
    }

    /** The {@code sharpen} sigma in output pixels, or null when not asked for. */
    public Double sharpenSigma() {
        return edits.sharpen() == null ? null : edits.sharpen().doubleValue();
    }

    /** The {@code pad} margins in device pixels: each CSS margin times {@code dpr}, rounded half up. */
    public Padding targetPadding() {
        return edits.pad().times(dpr);
    }

    /** Target width in device pixels: round(w·dpr), or null. */
    public Integer targetWidth() {
        return scaled(width);
    }

    /** Target height in device pixels: round(h·dpr), or null. */
    public Integer targetHeight() {
        return scaled(height);
    }

    private Integer scaled(Integer side) {
        if (side == null) {
            return null;
        }
        return BigDecimal.valueOf(side).multiply(dpr).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
    }

    /**
     * A stable text naming exactly what is asked for. Options that cannot change the output are
     * left out (fit and gravity unless both sides are given and they matter), so that requests which
     * must give the same bytes share one form.
     */
    public String canonical() {
        StringJoiner joiner = new StringJoiner("&");
        Integer tw = targetWidth();
        Integer th = targetHeight();
        if (tw != null) {
            joiner.add("tw=" + tw);
        }
        if (th != null) {
            joiner.add("th=" + th);
        }
        if (tw != null && th != null) {
            joiner.add("fit=" + fit.token());
            if (fit == Fit.COVER) {
                joiner.add("g=" + (gravity == Gravity.FOCAL_POINT ? edits.focalPoint().canonical() : gravity.token()));
            }
        }
        joiner.add("f=" + format.token());
        joiner.add("q=" + quality.canonical(format));
        joiner.add("bg=" + background.hex());
        joiner.add("enlarge=" + enlarge);
        if (watermark != null) {
            joiner.add("wm=" + watermark.canonical());
        }
        addEdits(joiner);
        return joiner.toString();
    }

    private void addEdits(StringJoiner joiner) {
        if (edits.trim() != null) {
            joiner.add("trim=" + edits.trim());
        }
        if (edits.crop() != null) {
            joiner.add("crop=" + edits.crop().canonical());
        }
        if (edits.rotation() != 0) {
            joiner.add("rot=" + edits.rotation());
        }
        if (edits.flip() != null) {
            joiner.add("flip=" + edits.flip().token());
        }
        Padding pad = targetPadding();
        if (!pad.isNone()) {
            joiner.add("pad=" + pad.canonical());
        }
        if (edits.blur() != null) {
            joiner.add("blur=" + edits.blur().toPlainString());
        }
        if (edits.sharpen() != null) {
            joiner.add("sharpen=" + edits.sharpen().toPlainString());
        }
        if (!edits.animate()) {
            joiner.add("anim=false");
        }
    }
}
