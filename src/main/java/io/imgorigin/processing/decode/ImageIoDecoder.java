package io.imgorigin.processing.decode;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

import com.luciad.imageio.webp.WebPReadParam;

import io.imgorigin.codec.ByteArrayImageInputStream;
import io.imgorigin.processing.pipeline.ImageExtent;
import io.imgorigin.codec.NativeCodec;
import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * Decodes the first image of a source with the ImageIO readers that claim it, native ones first,
 * falling back to the next reader when one fails. Readers get the bytes seek-forward-only and without
 * metadata, so text chunks and the like are skipped rather than parsed. A CMYK or YCCK JPEG without a
 * CMYK profile comes back as its CMYK values, for the colour step to assign a profile to.
 */
public final class ImageIoDecoder {

    /**
     * The decoded image, what the whole source spans in its pixels (see {@link ImageExtent}) and the name of
     * the decoder that made it.
     */
    record Decoded(BufferedImage image, ImageExtent extent, String decoder) {
    }

    /**
     * The name of the pure-Java readers, as {@link io.imgorigin.processing.pipeline.ProcessingContext#decoder()}
     * reports it; a native reader's is its {@link NativeCodec#codecName()}.
     */
    public static final String IMAGEIO = "imageio";

    private final boolean nativeCodecs;

    ImageIoDecoder(boolean nativeCodecs) {
        this.nativeCodecs = nativeCodecs;
    }

    /**
     * @param shrink how small the source may be decoded
     * @param format the source's format, for messages and to single out CMYK JPEGs
     */
    Decoded decode(byte[] bytes, ShrinkOnLoad shrink, SourceFormat format) {
        String formatName = format.name();
        Throwable failure = null;
        boolean anyReader = false;
        try (ImageInputStream probe = stream(bytes)) {
            for (ImageReaderSpi provider : candidates(probe)) {
                String decoderName = provider instanceof NativeCodec codec ? codec.codecName() : IMAGEIO;
                anyReader = true;
                ImageReader reader = null;
                try {
                    reader = provider.createReaderInstance();
                    return read(reader, bytes, shrink, format, decoderName);
                } catch (IOException | RuntimeException e) {
                    failure = e;
                } catch (OutOfMemoryError e) {
                    if (!reportedByLibwebp(e)) {
                        throw e;
                    }
                    failure = new IOException("libwebp could not allocate the image this file declares", e);
                } catch (Error e) {
                    // Some readers throw errors on fuzzed input; they say nothing about the service's health.
                    failure = e;
                } finally {
                    if (reader != null) {
                        reader.dispose();
                    }
                }
            }
        } catch (IOException e) {
            failure = e;
        }
        if (!anyReader) {
            throw new UnsupportedImageException("no decoder is available for this " + formatName + " image");
        }
        throw new UnusableImageException("the " + formatName + " image could not be decoded: " + reason(failure),
                failure);
    }

    private static Decoded read(ImageReader reader, byte[] bytes, ShrinkOnLoad shrink, SourceFormat format,
            String decoderName) throws IOException {
        Dimension source = shrink.source();
        try (ImageInputStream input = stream(bytes)) {
            reader.setInput(input, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            shrinkOnLoad(param, shrink);
            if (format == SourceFormat.JPEG) {
                BufferedImage cmyk = UntaggedCmykJpeg.read(reader, param);
                if (cmyk != null) {
                    return new Decoded(cmyk, extent(param, source, cmyk), decoderName);
                }
            }
            BufferedImage image = reader.read(0, param);
            if (image == null) {
                throw new IOException("the reader returned no image");
            }
            return new Decoded(image, extent(param, source, image), decoderName);
        }
    }

    /**
     * A DCT-scaling reader decodes at 1/k (k a power of two) to ceil(size / k) pixels, and source
     * subsampling by s keeps ceil(size / s); either way the source spans size / k of them. libwebp's
     * scaler maps the whole source onto the pixels it returns.
     */
    private static ImageExtent extent(ImageReadParam param, Dimension source, BufferedImage image) {
        int stepX = param.getSourceXSubsampling();
        int stepY = param.getSourceYSubsampling();
        if (stepX > 1 || stepY > 1) {
            return new ImageExtent((double) source.width / stepX, (double) source.height / stepY);
        }
        if (param.canSetSourceRenderSize() && image.getWidth() < source.width) {
            for (int k = 2; k <= 8; k *= 2) {
                if (Math.ceilDiv(source.width, k) == image.getWidth()
                        && Math.ceilDiv(source.height, k) == image.getHeight()) {
                    return new ImageExtent((double) source.width / k, (double) source.height / k);
                }
            }
        }
        return ImageExtent.of(image);
    }

    /**
     * A DCT-scaling reader decodes at the power-of-two scale that {@link ShrinkOnLoad#halvings()} covers;
     * the resampler then scales by the decoded image's extent, not its pixel count. libwebp rescales while
     * decoding, to {@link ShrinkOnLoad#anySize()}; the other readers can only point-sample, so they
     * subsample only when the result keeps at least 1.5× that size per side (3× the scaled size), a
     * margin that keeps aliasing out of the resized image.
     */
    private static void shrinkOnLoad(ImageReadParam param, ShrinkOnLoad shrink) {
        Dimension source = shrink.source();
        Dimension wanted = param.canSetSourceRenderSize() ? shrink.halvings() : shrink.anySize();
        if (wanted.width >= source.width && wanted.height >= source.height) {
            return;
        }
        if (param.canSetSourceRenderSize()) {
            param.setSourceRenderSize(wanted);
        } else if (param instanceof WebPReadParam webp) {
            double factor = Math.max((double) wanted.width / source.width, (double) wanted.height / source.height);
            webp.setUseScaling(true);
            webp.setScaledWidth((int) Math.min(source.width, Math.ceil(source.width * factor)));
            webp.setScaledHeight((int) Math.min(source.height, Math.ceil(source.height * factor)));
        } else {
            long step = Math.min(source.width * 2L / (3L * wanted.width), source.height * 2L / (3L * wanted.height));
            if (step >= 2) {
                param.setSourceSubsampling((int) step, (int) step, 0, 0);
            }
        }
    }

    /**
     * The providers whose readers claim the bytes, native ones first when they are allowed: the registry
     * lists them last (see {@link io.imgorigin.codec.NativeCodecOrdering}) and leaves them out when
     * off. Only providers are collected, so a reader is made only when it is tried (the JDK's JPEG reader
     * sets up native state on construction).
     */
    private List<ImageReaderSpi> candidates(ImageInputStream probe) {
        List<ImageReaderSpi> providers = new ArrayList<>();
        IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true).forEachRemaining(provider -> {
            if ((nativeCodecs || !(provider instanceof NativeCodec)) && claims(provider, probe)) {
                providers.add(provider);
            }
        });
        providers.sort(Comparator.comparing(provider -> !(provider instanceof NativeCodec)));
        return providers;
    }

    private static boolean claims(ImageReaderSpi provider, ImageInputStream probe) {
        try {
            probe.mark();
            try {
                return provider.canDecodeInput(probe);
            } finally {
                probe.reset();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * webp-imageio turns libwebp's VP8_STATUS_OUT_OF_MEMORY (a native allocation refused, typically for
     * a damaged file whose frame header declares far more than it holds) into a Java OutOfMemoryError.
     * The Java heap is fine then; a genuine heap exhaustion is let through so the process can exit.
     */
    private static boolean reportedByLibwebp(OutOfMemoryError error) {
        StackTraceElement[] trace = error.getStackTrace();
        return error.getMessage() == null && trace.length > 0
                && trace[0].getClassName().equals("com.luciad.imageio.webp.WebPWrapper");
    }

    private static ImageInputStream stream(byte[] bytes) {
        return new ByteArrayImageInputStream(bytes);
    }

    private static String reason(Throwable failure) {
        if (failure == null) {
            return "no decoder accepted it";
        }
        String message = failure.getMessage();
        String reason = message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
        return reason.length() > 160 ? reason.substring(0, 160) + "…" : reason;
    }
}
