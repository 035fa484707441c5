package io.imgorigin.codec;

/**
 * Marks an ImageIO service provider backed by a native library. The decode and encode steps skip
 * such providers when the native path is switched off, so the pure-Java codecs can be run (and
 * tested) in the same process without touching ImageIO's global registry.
 */
public interface NativeCodec {

    /**
     * The codec's short name, as the processing context's decoder and the startup log report it
     * (for example "turbojpeg").
     */
    String codecName();
}
