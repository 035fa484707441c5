package io.imgorigin.options;

/** How a box of w×h is honoured when both sides are given. */
public enum Fit {
    COVER, CONTAIN, INSIDE, FILL;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
