package io.imgorigin.processing.animate;

import io.imgorigin.processing.pipeline.FrameReader;
import io.imgorigin.processing.pipeline.FrameWriter;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.SourceFormat;

/** The animated decoders and encoders this server has; which ones depends on the native libraries found. */
public interface AnimationCodecs {

    /** Whether every frame of this source format can be read. */
    boolean reads(SourceFormat format);

    /** Whether an animation can be written in this format. */
    boolean writes(OutputFormat format);

    FrameReader reader(SourceFormat format, byte[] source);

    /**
     * @param loopCount how many times the animation plays, 0 for ever
     * @param quality   1..100, for lossy formats
     */
    FrameWriter writer(OutputFormat format, int width, int height, int loopCount, int quality);

    /** No animation support: every animated source gives its first frame. */
    static AnimationCodecs none() {
        return new AnimationCodecs() {
            @Override
            public boolean reads(SourceFormat format) {
                return false;
            }

            @Override
            public boolean writes(OutputFormat format) {
                return false;
            }

            @Override
            public FrameReader reader(SourceFormat format, byte[] source) {
                throw new IllegalStateException("no animated " + format + " decoder");
            }

            @Override
            public FrameWriter writer(OutputFormat format, int width, int height, int loopCount, int quality) {
                throw new IllegalStateException("no animated " + format + " encoder");
            }
        };
    }
}
