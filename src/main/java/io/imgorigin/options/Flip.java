package io.imgorigin.options;

/** The {@code flip} option: a mirror applied after {@code rot}. */
public enum Flip {
    H(true, false), V(false, true), HV(true, true);

    private final boolean horizontal;
    private final boolean vertical;

    Flip(boolean horizontal, boolean vertical) {
        this.horizontal = horizontal;
        this.vertical = vertical;
    }

    /** Whether left and right swap. */
    public boolean horizontal() {
        return horizontal;
    }

    /** Whether top and bottom swap. */
    public boolean vertical() {
        return vertical;
    }

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
