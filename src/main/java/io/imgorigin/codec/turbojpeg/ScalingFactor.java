package io.imgorigin.codec.turbojpeg;

/** A fraction by which libjpeg-turbo can scale an image while it decodes (its DCT scaling). */
record ScalingFactor(int num, int denom) {

    static final ScalingFactor ONE = new ScalingFactor(1, 1);

    ScalingFactor {
        if (num <= 0 || denom <= 0) {
            throw new IllegalArgumentException("scaling factor must be positive: " + num + "/" + denom);
        }
    }

    /** The decoded length of a side of the given length, rounded up as the library's TJSCALED macro does. */
    int scale(int dimension) {
        return (int) (((long) dimension * num + denom - 1) / denom);
    }

    boolean isReduction() {
        return num <= denom;
    }

    /** Orders by size of the fraction without floating point. */
    int compareBySize(ScalingFactor other) {
        return Long.compare((long) num * other.denom, (long) other.num * denom);
    }

    boolean isOneOver(int n) {
        return (long) denom == (long) num * n;
    }

    @Override
    public String toString() {
        return num + "/" + denom;
    }
}
