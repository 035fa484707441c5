package io.imgorigin.serving;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import io.imgorigin.options.FormatRequest;
import io.imgorigin.options.ImageOptions;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingRequest;

/**
 * Strong entity tags for processed images. A tag is a digest of exactly what decides the bytes:
 * the source's own ETag, the canonical options, the format {@code f=auto} chose, and the engine
 * version; so it can be computed from the source's metadata alone, before any pixel is touched.
 */
public final class EntityTags {

    /** Bumped whenever the info answer's fields or how they are computed change. */
    static final String INFO_VERSION = "1";

    private final String engineVersion;

    public EntityTags(String engineVersion) {
        this.engineVersion = engineVersion;
    }

    public String of(String sourceEtag, ImageOptions options, boolean acceptsWebp) {
        return of(sourceEtag, options, acceptsWebp ? OutputFormat.WEBP : null);
    }

    public String of(String sourceEtag, ImageOptions options, OutputFormat autoFormat) {
        return of(sourceEtag, options, autoFormat, null);
    }

    /** @param watermarkEtag the ETag of the watermark {@code wm} draws, or null when there is none */
    public String of(String sourceEtag, ImageOptions options, OutputFormat autoFormat, String watermarkEtag) {
        return of(sourceEtag, options, autoFormat, ProcessingRequest.animatedAuto(autoFormat), watermarkEtag);
    }

    /** @param animatedAutoFormat what {@code f=auto} chose for an animated result, or null for GIF */
    public String of(String sourceEtag, ImageOptions options, OutputFormat autoFormat, OutputFormat animatedAutoFormat,
            String watermarkEtag) {
        String text = engineVersion + '\n' + sourceEtag + '\n' + options.canonical() + '\n'
                + autoVariant(options, autoFormat, animatedAutoFormat);
        if (watermarkEtag != null) {
            text += "\nwm:" + watermarkEtag;
        }
        return tag(text);
    }

    /**
     * The tag of an info answer: the source's ETag and the engine version (the colours come from its
     * decoders) with the version of the answer's fields, {@value #INFO_VERSION}.
     */
    public String ofInfo(String sourceEtag) {
        return tag(engineVersion + '\n' + sourceEtag + "\ninfo/" + INFO_VERSION);
    }

    private static String tag(String text) {
        byte[] digest = sha256(text.getBytes(StandardCharsets.UTF_8));
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + '"';
    }

    /**
     * What {@code f=auto} resolves to for this client: the chosen format's name ("avif", "webp"), or
     * "fallback" (png or jpeg by alpha).
     */
    public static String autoVariant(ImageOptions options, OutputFormat autoFormat) {
        return autoVariant(options, autoFormat, ProcessingRequest.animatedAuto(autoFormat));
    }

    /** As above, with "+gif" where an animation would be GIF although the still choice suggests WebP is taken. */
    public static String autoVariant(ImageOptions options, OutputFormat autoFormat, OutputFormat animatedAutoFormat) {
        if (options.format() != FormatRequest.AUTO) {
            return "";
        }
        String still = autoFormat == null ? "fallback" : autoFormat.name().toLowerCase(java.util.Locale.ROOT);
        return animatedAutoFormat == ProcessingRequest.animatedAuto(autoFormat) ? still
                : still + "+" + (animatedAutoFormat == null ? "gif" : animatedAutoFormat.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
