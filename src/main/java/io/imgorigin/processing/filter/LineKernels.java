package io.imgorigin.processing.filter;

/**
 * The inner loops of the blur, over {@link #LINES} lines filtered side by side: position {@code q} of
 * line {@code l} is at {@code [q * LINES + l]}, so one position of all the lines is a run of adjacent
 * floats that vector registers load whole. Both passes write {@code out} at positions
 * {@code from..to-1} and read {@code in} up to the filter's reach on either side.
 */
interface LineKernels {

    /** Lines filtered together; a multiple of every vector length of floats up to 512 bits. */
    int LINES = 16;

    /** {@code out[q] = sum over k of weights[k] · in[q - radius + k]}, summed in order of {@code k}. */
    void convolve(float[] in, float[] out, int from, int to, float[] weights, int radius);

    /**
     * One extended box: {@code out[q] = scale · (in[q-radius] + … + in[q+radius] + end · (in[q-radius-1]
     * + in[q+radius+1]))}, the inner sum kept running from position to position.
     */
    void box(float[] in, float[] out, int from, int to, int radius, float end, float scale);

    /** The vector loops where the JVM has the vector module, else the scalar ones (the same results). */
    static LineKernels best() {
        return io.imgorigin.codec.VectorModule.PRESENT ? new VectorLineKernels() : new ScalarLineKernels();
    }
}
