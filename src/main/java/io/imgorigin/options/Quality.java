package io.imgorigin.options;

/**
 * The quality each lossy format is encoded at: the request's {@code q} for all of them, or without it
 * each format's configured default ({@code imgorigin.format.quality.<format>}).
 *
 * @param requested whether the request named {@code q}; then the three values are equal
 * @param avif      AVIF's quality
 */
public record Quality(boolean requested, int jpeg, int webp, int avif) {

    public Quality {
        for (int value : new int[] {jpeg, webp, avif}) {
            if (value < 1 || value > 100) {
                throw new IllegalArgumentException("a quality must be from 1 to 100, not " + value);
            }
        }
        if (requested && (jpeg != webp || jpeg != avif)) {
            throw new IllegalArgumentException("a requested quality is the same for every format");
        }
    }

    /** What {@code q=value} asks for. */
    public static Quality of(int value) {
        return new Quality(true, value, value, value);
    }

    /** The defaults a request without {@code q} gets. */
    public static Quality defaults(int jpeg, int webp, int avif) {
        return new Quality(false, jpeg, webp, avif);
    }

    /** This request's qualities with {@code value} asked for, or these defaults when it is null. */
    Quality requesting(Integer value) {
        return value == null ? this : of(value);
    }

    /**
     * The part of the canonical options that decides the encoded bytes: the quality the format uses, and
     * where the format is chosen later (no {@code f}, or {@code f=auto}) that of every format that may be
     * chosen, one number when they agree; PNG and GIF use none. So {@code q=80} and no {@code q} are one image when
     * the defaults are 80.
     */
    String canonical(FormatRequest format) {
        return switch (format) {
            case JPEG -> Integer.toString(jpeg);
            case WEBP -> Integer.toString(webp);
            case AVIF -> Integer.toString(avif);
            case PNG, GIF -> "none";
            case AUTO, ORIGINAL -> jpeg == webp && jpeg == avif ? Integer.toString(jpeg)
                    : "jpeg:" + jpeg + ",webp:" + webp + ",avif:" + avif;
        };
    }
}
