package io.imgorigin.codec.libheif;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import io.imgorigin.codec.Downcalls;

/**
 * Typed entry points into libheif's C API (1.15 and later). Most functions return {@code struct heif_error}
 * by value; those take an allocator for it, and {@link HeifException#check} turns a non-zero code into an
 * exception. C's {@code size_t} is passed as a Java long, enums as ints.
 */
final class HeifFunctions {

    /** {@code struct heif_error { enum code; enum subcode; const char* message; }}. */
    static final StructLayout ERROR = MemoryLayout.structLayout(JAVA_INT.withName("code"),
            JAVA_INT.withName("subcode"), ADDRESS.withName("message"));

    /** Longer than any message or version string the library has; only read up to the terminating NUL. */
    private static final long MAX_TEXT = 4096;

    private final MethodHandle getVersion;
    private final MethodHandle haveDecoder;
    private final MethodHandle haveEncoder;
    private final MethodHandle contextAlloc;
    private final MethodHandle contextFree;
    private final MethodHandle readFromMemory;
    private final MethodHandle setMaximumImageSize;
    private final MethodHandle setMaxDecodingThreads;
    private final MethodHandle topLevelImages;
    private final MethodHandle primaryImageHandle;
    private final MethodHandle handleRelease;
    private final MethodHandle handleWidth;
    private final MethodHandle handleHeight;
    private final MethodHandle handleHasAlpha;
    private final MethodHandle handleLumaBits;
    private final MethodHandle thumbnailCount;
    private final MethodHandle thumbnailIds;
    private final MethodHandle thumbnail;
    private final MethodHandle rawProfileSize;
    private final MethodHandle rawProfile;
    private final MethodHandle decodingOptionsAlloc;
    private final MethodHandle decodingOptionsFree;
    private final MethodHandle decodeImage;
    private final MethodHandle imageWidth;
    private final MethodHandle imageHeight;
    private final MethodHandle imageBitsRange;
    private final MethodHandle planeReadonly;
    private final MethodHandle plane;
    private final MethodHandle imageNclx;
    private final MethodHandle nclxAlloc;
    private final MethodHandle nclxFree;
    private final MethodHandle imageRelease;
    private final MethodHandle imageCreate;
    private final MethodHandle imageAddPlane;
    private final MethodHandle imageSetNclx;
    private final MethodHandle encoderForFormat;
    private final MethodHandle encoderRelease;
    private final MethodHandle encoderSetLossyQuality;
    private final MethodHandle encoderSetParameter;
    private final MethodHandle encodingOptionsAlloc;
    private final MethodHandle encodingOptionsFree;
    private final MethodHandle encodeImage;
    private final MethodHandle contextWrite;

    private HeifFunctions(Downcalls.Binder b) {
        FunctionDescriptor pointerToError = FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS);
        getVersion = b.bind("heif_get_version", FunctionDescriptor.of(ADDRESS));
        haveDecoder = b.bind("heif_have_decoder_for_format", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        haveEncoder = b.bind("heif_have_encoder_for_format", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        contextAlloc = b.bind("heif_context_alloc", FunctionDescriptor.of(ADDRESS));
        contextFree = b.bind("heif_context_free", FunctionDescriptor.ofVoid(ADDRESS));
        readFromMemory = b.bind("heif_context_read_from_memory_without_copy",
                FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
        setMaximumImageSize = b.bind("heif_context_set_maximum_image_size_limit",
                FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
        setMaxDecodingThreads = b.bind("heif_context_set_max_decoding_threads",
                FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
        topLevelImages = b.bind("heif_context_get_number_of_top_level_images", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        primaryImageHandle = b.bind("heif_context_get_primary_image_handle", pointerToError);
        handleRelease = b.bind("heif_image_handle_release", FunctionDescriptor.ofVoid(ADDRESS));
        handleWidth = b.bind("heif_image_handle_get_width", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        handleHeight = b.bind("heif_image_handle_get_height", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        handleHasAlpha = b.bind("heif_image_handle_has_alpha_channel", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        handleLumaBits = b.bind("heif_image_handle_get_luma_bits_per_pixel", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        thumbnailCount = b.bind("heif_image_handle_get_number_of_thumbnails", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        thumbnailIds = b.bind("heif_image_handle_get_list_of_thumbnail_IDs",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        thumbnail = b.bind("heif_image_handle_get_thumbnail", FunctionDescriptor.of(ERROR, ADDRESS, JAVA_INT, ADDRESS));
        rawProfileSize = b.bind("heif_image_handle_get_raw_color_profile_size",
                FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        rawProfile = b.bind("heif_image_handle_get_raw_color_profile", pointerToError);
        decodingOptionsAlloc = b.bind("heif_decoding_options_alloc", FunctionDescriptor.of(ADDRESS));
        decodingOptionsFree = b.bind("heif_decoding_options_free", FunctionDescriptor.ofVoid(ADDRESS));
        decodeImage = b.bind("heif_decode_image",
                FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
        imageWidth = b.bind("heif_image_get_width", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        imageHeight = b.bind("heif_image_get_height", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        imageBitsRange = b.bind("heif_image_get_bits_per_pixel_range", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        planeReadonly = b.bind("heif_image_get_plane_readonly",
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
        plane = b.bind("heif_image_get_plane", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
        imageNclx = b.bind("heif_image_get_nclx_color_profile", pointerToError);
        nclxAlloc = b.bind("heif_nclx_color_profile_alloc", FunctionDescriptor.of(ADDRESS));
        nclxFree = b.bind("heif_nclx_color_profile_free", FunctionDescriptor.ofVoid(ADDRESS));
        imageRelease = b.bind("heif_image_release", FunctionDescriptor.ofVoid(ADDRESS));
        imageCreate = b.bind("heif_image_create",
                FunctionDescriptor.of(ERROR, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
        imageAddPlane = b.bind("heif_image_add_plane",
                FunctionDescriptor.of(ERROR, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        imageSetNclx = b.bind("heif_image_set_nclx_color_profile", pointerToError);
        encoderForFormat = b.bind("heif_context_get_encoder_for_format",
                FunctionDescriptor.of(ERROR, ADDRESS, JAVA_INT, ADDRESS));
        encoderRelease = b.bind("heif_encoder_release", FunctionDescriptor.ofVoid(ADDRESS));
        encoderSetLossyQuality = b.bind("heif_encoder_set_lossy_quality", FunctionDescriptor.of(ERROR, ADDRESS, JAVA_INT));
        encoderSetParameter = b.bind("heif_encoder_set_parameter", FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS, ADDRESS));
        encodingOptionsAlloc = b.bind("heif_encoding_options_alloc", FunctionDescriptor.of(ADDRESS));
        encodingOptionsFree = b.bind("heif_encoding_options_free", FunctionDescriptor.ofVoid(ADDRESS));
        encodeImage = b.bind("heif_context_encode_image",
                FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        contextWrite = b.bind("heif_context_write", FunctionDescriptor.of(ERROR, ADDRESS, ADDRESS, ADDRESS));
    }

    static HeifFunctions bind(SymbolLookup lookup) {
        return new HeifFunctions(Downcalls.binder(lookup, "size_t"));
    }

    String version() {
        return text(Downcalls.call(() -> (MemorySegment) getVersion.invokeExact()), "unknown version");
    }

    boolean haveDecoder(int compression) {
        return Downcalls.call(() -> (int) haveDecoder.invokeExact(compression)) != 0;
    }

    boolean haveEncoder(int compression) {
        return Downcalls.call(() -> (int) haveEncoder.invokeExact(compression)) != 0;
    }

    MemorySegment contextAlloc() {
        return Downcalls.call(() -> (MemorySegment) contextAlloc.invokeExact());
    }

    void contextFree(MemorySegment ctx) {
        Downcalls.call(() -> {
            contextFree.invokeExact(ctx);
        });
    }

    MemorySegment readFromMemory(SegmentAllocator a, MemorySegment ctx, MemorySegment data, long size) {
        return Downcalls.call(() -> (MemorySegment) readFromMemory.invokeExact(a, ctx, data, size, MemorySegment.NULL));
    }

    void setMaximumImageSize(MemorySegment ctx, int side) {
        Downcalls.call(() -> {
            setMaximumImageSize.invokeExact(ctx, side);
        });
    }

    void setMaxDecodingThreads(MemorySegment ctx, int threads) {
        Downcalls.call(() -> {
            setMaxDecodingThreads.invokeExact(ctx, threads);
        });
    }

    int topLevelImages(MemorySegment ctx) {
        return Downcalls.call(() -> (int) topLevelImages.invokeExact(ctx));
    }

    MemorySegment primaryImageHandle(SegmentAllocator a, MemorySegment ctx, MemorySegment out) {
        return Downcalls.call(() -> (MemorySegment) primaryImageHandle.invokeExact(a, ctx, out));
    }

    void handleRelease(MemorySegment handle) {
        Downcalls.call(() -> {
            handleRelease.invokeExact(handle);
        });
    }

    int handleWidth(MemorySegment handle) {
        return Downcalls.call(() -> (int) handleWidth.invokeExact(handle));
    }

    int handleHeight(MemorySegment handle) {
        return Downcalls.call(() -> (int) handleHeight.invokeExact(handle));
    }

    boolean handleHasAlpha(MemorySegment handle) {
        return Downcalls.call(() -> (int) handleHasAlpha.invokeExact(handle)) != 0;
    }

    int handleLumaBits(MemorySegment handle) {
        return Downcalls.call(() -> (int) handleLumaBits.invokeExact(handle));
    }

    int thumbnailCount(MemorySegment handle) {
        return Downcalls.call(() -> (int) thumbnailCount.invokeExact(handle));
    }

    int thumbnailIds(MemorySegment handle, MemorySegment ids, int count) {
        return Downcalls.call(() -> (int) thumbnailIds.invokeExact(handle, ids, count));
    }

    MemorySegment thumbnail(SegmentAllocator a, MemorySegment handle, int id, MemorySegment out) {
        return Downcalls.call(() -> (MemorySegment) thumbnail.invokeExact(a, handle, id, out));
    }

    long rawProfileSize(MemorySegment handle) {
        return Downcalls.call(() -> (long) rawProfileSize.invokeExact(handle));
    }

    MemorySegment rawProfile(SegmentAllocator a, MemorySegment handle, MemorySegment out) {
        return Downcalls.call(() -> (MemorySegment) rawProfile.invokeExact(a, handle, out));
    }

    MemorySegment decodingOptionsAlloc() {
        return Downcalls.call(() -> (MemorySegment) decodingOptionsAlloc.invokeExact());
    }

    void decodingOptionsFree(MemorySegment options) {
        Downcalls.call(() -> {
            decodingOptionsFree.invokeExact(options);
        });
    }

    MemorySegment decodeImage(SegmentAllocator a, MemorySegment handle, MemorySegment out, int colorspace, int chroma,
            MemorySegment options) {
        return Downcalls.call(() -> (MemorySegment) decodeImage.invokeExact(a, handle, out, colorspace, chroma, options));
    }

    int imageWidth(MemorySegment image, int channel) {
        return Downcalls.call(() -> (int) imageWidth.invokeExact(image, channel));
    }

    int imageHeight(MemorySegment image, int channel) {
        return Downcalls.call(() -> (int) imageHeight.invokeExact(image, channel));
    }

    int imageBitsRange(MemorySegment image, int channel) {
        return Downcalls.call(() -> (int) imageBitsRange.invokeExact(image, channel));
    }

    MemorySegment planeReadonly(MemorySegment image, int channel, MemorySegment stride) {
        return Downcalls.call(() -> (MemorySegment) planeReadonly.invokeExact(image, channel, stride));
    }

    MemorySegment plane(MemorySegment image, int channel, MemorySegment stride) {
        return Downcalls.call(() -> (MemorySegment) plane.invokeExact(image, channel, stride));
    }

    MemorySegment imageNclx(SegmentAllocator a, MemorySegment image, MemorySegment out) {
        return Downcalls.call(() -> (MemorySegment) imageNclx.invokeExact(a, image, out));
    }

    MemorySegment nclxAlloc() {
        return Downcalls.call(() -> (MemorySegment) nclxAlloc.invokeExact());
    }

    void nclxFree(MemorySegment nclx) {
        Downcalls.call(() -> {
            nclxFree.invokeExact(nclx);
        });
    }

    void imageRelease(MemorySegment image) {
        Downcalls.call(() -> {
            imageRelease.invokeExact(image);
        });
    }

    MemorySegment imageCreate(SegmentAllocator a, int width, int height, int colorspace, int chroma, MemorySegment out) {
        return Downcalls.call(() -> (MemorySegment) imageCreate.invokeExact(a, width, height, colorspace, chroma, out));
    }

    MemorySegment imageAddPlane(SegmentAllocator a, MemorySegment image, int channel, int width, int height, int bits) {
        return Downcalls.call(() -> (MemorySegment) imageAddPlane.invokeExact(a, image, channel, width, height, bits));
    }

    MemorySegment imageSetNclx(SegmentAllocator a, MemorySegment image, MemorySegment nclx) {
        return Downcalls.call(() -> (MemorySegment) imageSetNclx.invokeExact(a, image, nclx));
    }

    MemorySegment encoderForFormat(SegmentAllocator a, MemorySegment ctx, int compression, MemorySegment out) {
        return Downcalls.call(() -> (MemorySegment) encoderForFormat.invokeExact(a, ctx, compression, out));
    }

    void encoderRelease(MemorySegment encoder) {
        Downcalls.call(() -> {
            encoderRelease.invokeExact(encoder);
        });
    }

    MemorySegment encoderSetLossyQuality(SegmentAllocator a, MemorySegment encoder, int quality) {
        return Downcalls.call(() -> (MemorySegment) encoderSetLossyQuality.invokeExact(a, encoder, quality));
    }

    MemorySegment encoderSetParameter(SegmentAllocator a, MemorySegment encoder, MemorySegment name,
            MemorySegment value) {
        return Downcalls.call(() -> (MemorySegment) encoderSetParameter.invokeExact(a, encoder, name, value));
    }

    MemorySegment encodingOptionsAlloc() {
        return Downcalls.call(() -> (MemorySegment) encodingOptionsAlloc.invokeExact());
    }

    void encodingOptionsFree(MemorySegment options) {
        Downcalls.call(() -> {
            encodingOptionsFree.invokeExact(options);
        });
    }

    MemorySegment encodeImage(SegmentAllocator a, MemorySegment ctx, MemorySegment image, MemorySegment encoder,
            MemorySegment options) {
        return Downcalls.call(() -> (MemorySegment) encodeImage.invokeExact(a, ctx, image, encoder, options,
                MemorySegment.NULL));
    }

    MemorySegment contextWrite(SegmentAllocator a, MemorySegment ctx, MemorySegment writer, MemorySegment userData) {
        return Downcalls.call(() -> (MemorySegment) contextWrite.invokeExact(a, ctx, writer, userData));
    }

    static String text(MemorySegment string, String otherwise) {
        if (string.equals(MemorySegment.NULL)) {
            return otherwise;
        }
        return string.reinterpret(MAX_TEXT).getString(0);
    }
}
