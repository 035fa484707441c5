package io.imgorigin.processing.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.imgorigin.options.FormatRequest;
import io.imgorigin.options.InvalidOptionException;
import io.imgorigin.processing.pipeline.OutputFormat;

/**
 * The output formats this server writes (AVIF only where libheif and its AV1 encoder are there) and the
 * order in which {@code f=auto} prefers them (SPEC section 2.1, {@code imgorigin.format.auto}).
 */
public final class OutputFormats {

    private final boolean avif;
    private final boolean gif;
    private final List<OutputFormat> auto;

    /**
     * @param avif       whether AVIF can be written
     * @param gif        whether GIF can be written
     * @param autoOrder  {@code imgorigin.format.auto}, as parsed; formats that cannot be written are left out
     */
    public OutputFormats(boolean avif, boolean gif, List<FormatRequest> autoOrder) {
        this.avif = avif;
        this.gif = gif;
        List<OutputFormat> formats = new ArrayList<>();
        for (FormatRequest request : autoOrder) {
            OutputFormat format = switch (request) {
                case AVIF -> OutputFormat.AVIF;
                case WEBP -> OutputFormat.WEBP;
                default -> throw new IllegalArgumentException("f=auto cannot choose " + request.token());
            };
            if (writes(format)) {
                formats.add(format);
            }
        }
        this.auto = List.copyOf(formats);
    }

    public OutputFormats(boolean avif, List<FormatRequest> autoOrder) {
        this(avif, true, autoOrder);
    }

    /** Every format writable, auto preferring AVIF then WebP: what tests without a configuration use. */
    public static OutputFormats all() {
        return new OutputFormats(true, List.of(FormatRequest.AVIF, FormatRequest.WEBP));
    }

    public boolean writes(OutputFormat format) {
        return switch (format) {
            case AVIF -> avif;
            case GIF -> gif;
            default -> true;
        };
    }

    /** The formats f=auto may choose, in order of preference. */
    public List<OutputFormat> auto() {
        return auto;
    }

    /** Refuses (400) an {@code f} this server cannot write. */
    public void requireWritable(FormatRequest requested) {
        if (requested == FormatRequest.AVIF && !avif) {
            throw new InvalidOptionException("f", "f=avif: AVIF output is not available on this server");
        }
        if (requested == FormatRequest.GIF && !gif) {
            throw new InvalidOptionException("f", "f=gif: GIF output is not available on this server");
        }
    }

    /**
     * What {@code f=auto} answers a client with this Accept header: the first format of {@link #auto()} that
     * Accept lists by name with a non-zero q, or null when none is, for PNG or JPEG by alpha.
     */
    public OutputFormat autoChoice(String accept) {
        for (OutputFormat format : auto) {
            if (accepts(accept, format.mediaType())) {
                return format;
            }
        }
        return null;
    }

    /**
     * What {@code f=auto} answers for an animated result: the first format of {@link #auto()} that Accept lists
     * and that can hold an animation (WebP; never AVIF), or null for GIF.
     */
    public OutputFormat animatedAutoChoice(String accept) {
        for (OutputFormat format : auto) {
            if (format == OutputFormat.WEBP && accepts(accept, format.mediaType())) {
                return format;
            }
        }
        return null;
    }

    /** Whether Accept lists the media type by name with a non-zero quality. */
    public static boolean accepts(String accept, String mediaType) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals(mediaType)) {
                return !zeroQuality(parts);
            }
        }
        return false;
    }

    private static boolean zeroQuality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
