package io.imgorigin.codec.libwebp;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * The structs of libwebp 1.2.4's public headers (types.h, mux_types.h, demux.h, mux.h, encode.h) that
 * the bindings fill or read, with the ABI versions those layouts belong to. libwebp's *Init*Internal
 * functions refuse a caller whose ABI major version differs, which is what guards against a library with
 * other layouts; the sizes below are the headers' {@code sizeof} on LP64 and are checked when bound.
 */
final class WebpStructs {

    /** WEBP_DEMUX_ABI_VERSION, WEBP_MUX_ABI_VERSION and WEBP_ENCODER_ABI_VERSION of 1.2.4. */
    static final int DEMUX_ABI = 0x0107;
    static final int MUX_ABI = 0x0108;
    static final int ENCODER_ABI = 0x020f;

    /** WebPChunkId WEBP_CHUNK_ANMF, WebPMuxAnimDispose WEBP_MUX_DISPOSE_NONE, WebPMuxAnimBlend WEBP_MUX_NO_BLEND. */
    static final int CHUNK_ANMF = 3;
    static final int DISPOSE_NONE = 0;
    static final int NO_BLEND = 1;
    /** WebPMuxError WEBP_MUX_OK. */
    static final int MUX_OK = 1;

    /** WEBP_CSP_MODE: bytes B, G, R, A with straight alpha, a little-endian Java int's 0xAARRGGBB. */
    static final int MODE_BGRA = 3;
    /** WebPPreset WEBP_PRESET_DEFAULT. */
    static final int PRESET_DEFAULT = 0;

    /** {@code struct WebPData { const uint8_t* bytes; size_t size; }}. */
    static final StructLayout DATA = MemoryLayout.structLayout(ADDRESS.withName("bytes"), JAVA_LONG.withName("size"));

    /** {@code struct WebPAnimDecoderOptions { WEBP_CSP_MODE color_mode; int use_threads; uint32_t padding[7]; }}. */
    static final StructLayout DECODER_OPTIONS = MemoryLayout.structLayout(JAVA_INT.withName("color_mode"),
            JAVA_INT.withName("use_threads"), MemoryLayout.sequenceLayout(7, JAVA_INT).withName("padding"));

    /** {@code struct WebPAnimInfo}: canvas size, loop count, background colour, frame count, uint32_t pad[4]. */
    static final StructLayout ANIM_INFO = MemoryLayout.structLayout(JAVA_INT.withName("canvas_width"),
            JAVA_INT.withName("canvas_height"), JAVA_INT.withName("loop_count"), JAVA_INT.withName("bgcolor"),
            JAVA_INT.withName("frame_count"), MemoryLayout.sequenceLayout(4, JAVA_INT).withName("pad"));

    /** {@code struct WebPMuxAnimParams { uint32_t bgcolor; int loop_count; }}. */
    static final StructLayout ANIM_PARAMS = MemoryLayout.structLayout(JAVA_INT.withName("bgcolor"),
            JAVA_INT.withName("loop_count"));

    /**
     * {@code struct WebPMuxFrameInfo}: the frame's WebPData, x and y offsets, duration, chunk id, dispose and
     * blend methods, uint32_t pad[1], and C's tail padding to 8 bytes.
     */
    static final StructLayout FRAME_INFO = MemoryLayout.structLayout(ADDRESS.withName("bytes"),
            JAVA_LONG.withName("size"), JAVA_INT.withName("x_offset"), JAVA_INT.withName("y_offset"),
            JAVA_INT.withName("duration"), JAVA_INT.withName("id"), JAVA_INT.withName("dispose_method"),
            JAVA_INT.withName("blend_method"), MemoryLayout.sequenceLayout(1, JAVA_INT).withName("pad"),
            MemoryLayout.paddingLayout(4));

    /** {@code struct WebPMemoryWriter { uint8_t* mem; size_t size; size_t max_size; uint32_t pad[1]; }}. */
    static final StructLayout MEMORY_WRITER = MemoryLayout.structLayout(ADDRESS.withName("mem"),
            JAVA_LONG.withName("size"), JAVA_LONG.withName("max_size"),
            MemoryLayout.sequenceLayout(1, JAVA_INT).withName("pad"), MemoryLayout.paddingLayout(4));

    /** {@code struct WebPConfig}: 29 four-byte fields, quality and target_PSNR floats. */
    static final StructLayout CONFIG = MemoryLayout.structLayout(JAVA_INT.withName("lossless"),
            JAVA_FLOAT.withName("quality"), JAVA_INT.withName("method"), JAVA_INT.withName("image_hint"),
            JAVA_INT.withName("target_size"), JAVA_FLOAT.withName("target_PSNR"), JAVA_INT.withName("segments"),
            JAVA_INT.withName("sns_strength"), JAVA_INT.withName("filter_strength"),
            JAVA_INT.withName("filter_sharpness"), JAVA_INT.withName("filter_type"), JAVA_INT.withName("autofilter"),
            JAVA_INT.withName("alpha_compression"), JAVA_INT.withName("alpha_filtering"),
            JAVA_INT.withName("alpha_quality"), JAVA_INT.withName("pass"), JAVA_INT.withName("show_compressed"),
            JAVA_INT.withName("preprocessing"), JAVA_INT.withName("partitions"), JAVA_INT.withName("partition_limit"),
            JAVA_INT.withName("emulate_jpeg_size"), JAVA_INT.withName("thread_level"), JAVA_INT.withName("low_memory"),
            JAVA_INT.withName("near_lossless"), JAVA_INT.withName("exact"), JAVA_INT.withName("use_delta_palette"),
            JAVA_INT.withName("use_sharp_yuv"), JAVA_INT.withName("qmin"), JAVA_INT.withName("qmax"));

    /** {@code struct WebPPicture}, with C's alignment padding spelled out. */
    static final StructLayout PICTURE = MemoryLayout.structLayout(
            JAVA_INT.withName("use_argb"), JAVA_INT.withName("colorspace"),
            JAVA_INT.withName("width"), JAVA_INT.withName("height"),
            ADDRESS.withName("y"), ADDRESS.withName("u"), ADDRESS.withName("v"),
            JAVA_INT.withName("y_stride"), JAVA_INT.withName("uv_stride"),
            ADDRESS.withName("a"), JAVA_INT.withName("a_stride"),
            MemoryLayout.sequenceLayout(2, JAVA_INT).withName("pad1"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("argb"), JAVA_INT.withName("argb_stride"),
            MemoryLayout.sequenceLayout(3, JAVA_INT).withName("pad2"),
            ADDRESS.withName("writer"), ADDRESS.withName("custom_ptr"),
            JAVA_INT.withName("extra_info_type"), MemoryLayout.paddingLayout(4), ADDRESS.withName("extra_info"),
            ADDRESS.withName("stats"), JAVA_INT.withName("error_code"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("progress_hook"), ADDRESS.withName("user_data"),
            MemoryLayout.sequenceLayout(3, JAVA_INT).withName("pad3"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("pad4"), ADDRESS.withName("pad5"),
            MemoryLayout.sequenceLayout(8, JAVA_INT).withName("pad6"),
            ADDRESS.withName("memory_"), ADDRESS.withName("memory_argb_"),
            MemoryLayout.sequenceLayout(2, ADDRESS).withName("pad7"));

    private WebpStructs() {
    }

    /** A field's offset, for reading and writing it with the segment's accessors. */
    static long offset(StructLayout struct, String field) {
        return struct.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }

    /** Refuses to bind when a layout's size is not the header's, which would mean a mistake in this file. */
    static void checkSizes() {
        check(DATA, 16);
        check(DECODER_OPTIONS, 36);
        check(ANIM_INFO, 36);
        check(ANIM_PARAMS, 8);
        check(FRAME_INFO, 48);
        check(MEMORY_WRITER, 32);
        check(CONFIG, 116);
        check(PICTURE, 256);
        if (offset(PICTURE, "argb") != 72 || offset(PICTURE, "error_code") != 136
                || offset(FRAME_INFO, "duration") != 24 || offset(FRAME_INFO, "blend_method") != 36) {
            throw new UnsupportedOperationException("WebPPicture or WebPMuxFrameInfo field offsets differ from libwebp 1.2.4's");
        }
    }

    private static void check(StructLayout layout, long size) {
        if (layout.byteSize() != size) {
            throw new UnsupportedOperationException("struct layout of " + layout.byteSize() + " bytes where libwebp 1.2.4 has "
                    + size);
        }
    }
}
