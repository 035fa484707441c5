package io.imgorigin.codec.turbojpeg;

import java.awt.Dimension;
import java.util.List;

import javax.imageio.ImageReadParam;

/**
 * How a read is split between libjpeg-turbo's DCT scaling and pixel subsampling afterwards.
 *
 * @param factor the DCT scaling factor to decode at
 * @param residualX column step still to apply to the decoded image
 * @param residualY row step still to apply to the decoded image
 */
record DecodeScale(ScalingFactor factor, int residualX, int residualY) {

    private static final List<Integer> DCT_SUBSAMPLINGS = List.of(2, 4, 8);

    static DecodeScale choose(List<ScalingFactor> factors, int width, int height, ImageReadParam param) {
        if (param == null) {
            return new DecodeScale(ScalingFactor.ONE, 1, 1);
        }
        int xStep = param.getSourceXSubsampling();
        int yStep = param.getSourceYSubsampling();
        Dimension render = param.getSourceRenderSize();
        if (render != null) {
            return new DecodeScale(coveringFactor(factors, width, height, render), xStep, yStep);
        }
        boolean onGrid = param.getSubsamplingXOffset() == 0 && param.getSubsamplingYOffset() == 0;
        if (xStep == yStep && onGrid && DCT_SUBSAMPLINGS.contains(xStep)) {
            for (ScalingFactor factor : factors) {
                if (factor.isOneOver(xStep)) {
                    return new DecodeScale(factor, 1, 1);
                }
            }
        }
        return new DecodeScale(ScalingFactor.ONE, xStep, yStep);
    }

    /**
     * The smallest of 1/2, 1/4 and 1/8 whose decoded size is at least the render size on both sides, else
     * full size. libjpeg-turbo has SIMD code only for these reduced inverse DCTs: its 3/8, 5/8 and others
     * decode slower than full size.
     */
    static ScalingFactor coveringFactor(List<ScalingFactor> factors, int width, int height, Dimension render) {
        ScalingFactor best = ScalingFactor.ONE;
        for (ScalingFactor factor : factors) {
            boolean covers = factor.scale(width) >= render.width && factor.scale(height) >= render.height;
            boolean fast = DCT_SUBSAMPLINGS.stream().anyMatch(factor::isOneOver);
            if (fast && covers && factor.compareBySize(best) < 0) {
                best = factor;
            }
        }
        return best;
    }
}
