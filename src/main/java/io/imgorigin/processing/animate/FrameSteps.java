package io.imgorigin.processing.animate;

import java.util.List;

import io.imgorigin.processing.pipeline.ProcessingStep;
import io.imgorigin.processing.resize.CropPlacer;

/**
 * The steps every frame of an animation goes through: the still path's own list of steps applied to
 * decoded pixels, built afresh for each animation with the crop placer that animation uses.
 */
@FunctionalInterface
public interface FrameSteps {

    List<ProcessingStep> build(CropPlacer placer);
}
