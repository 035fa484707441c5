package io.imgorigin.processing;

import io.imgorigin.processing.animate.AnimationCodecs;
import io.imgorigin.processing.decode.GifFrameReader;
import io.imgorigin.processing.decode.WebpFrameReader;
import io.imgorigin.processing.encode.GifFrameWriter;
import io.imgorigin.processing.encode.WebpFrameWriter;
import io.imgorigin.processing.pipeline.FrameReader;
import io.imgorigin.processing.pipeline.FrameWriter;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.SourceFormat;

/**
 * The animated codecs of this server: GIF both ways in Java; WebP through libwebpdemux and libwebpmux where
 * native codecs are allowed and those libraries load. Animated GIF frames are not dithered, so that a still
 * background stays still from frame to frame.
 *
 * @param readsWebp  whether animated WebP is read
 * @param writesWebp whether animated WebP is written
 */
public record StandardAnimationCodecs(boolean readsWebp, boolean writesWebp) implements AnimationCodecs {

    public static StandardAnimationCodecs detect(boolean nativeCodecs) {
        return new StandardAnimationCodecs(nativeCodecs && WebpFrameReader.available(),
                nativeCodecs && WebpFrameWriter.available());
    }

    @Override
    public boolean reads(SourceFormat format) {
        return format == SourceFormat.GIF || format == SourceFormat.WEBP && readsWebp;
    }

    @Override
    public boolean writes(OutputFormat format) {
        return format == OutputFormat.GIF || format == OutputFormat.WEBP && writesWebp;
    }

    @Override
    public FrameReader reader(SourceFormat format, byte[] source) {
        return switch (format) {
            case GIF -> new GifFrameReader(source);
            case WEBP -> new WebpFrameReader(source);
            default -> throw new IllegalArgumentException("no animated " + format + " decoder");
        };
    }

    @Override
    public FrameWriter writer(OutputFormat format, int width, int height, int loopCount, int quality) {
        return switch (format) {
            case GIF -> new GifFrameWriter(width, height, loopCount, false);
            case WEBP -> new WebpFrameWriter(width, height, loopCount, quality);
            default -> throw new IllegalArgumentException("no animated " + format + " encoder");
        };
    }

    /** For the start log. */
    public static String status() {
        return "libwebpdemux: " + WebpFrameReader.status() + "; libwebpmux: " + WebpFrameWriter.status();
    }
}
