package io.imgorigin.options;

/** What the {@code f} option asked for; {@link #ORIGINAL} when it is absent. */
public enum FormatRequest {
    JPEG, PNG, WEBP, AVIF, GIF, AUTO, ORIGINAL;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
