package io.imgorigin.codec.libheif;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Decodes the primary image of a HEIF file (AVIF, HEIC) with libheif, its transformations (irot, imir,
 * clap) applied, to 8-bit sRGB: high bit depths are reduced by libheif; a PQ, HLG, linear or wide-gamut
 * (nclx) image is decoded at its own depth and converted by {@link NclxToSrgb}. An ICC profile is left for
 * the caller to apply. When a size is asked for and the file carries a thumbnail at least that large on
 * both sides, the thumbnail is decoded instead.
 */
final class HeifDecoder {

    private static final int COLORSPACE_RGB = 1;
    private static final int CHROMA_RGB = 10;
    private static final int CHROMA_RGBA = 11;
    private static final int CHROMA_RRGGBB_LE = 14;
    private static final int CHROMA_RRGGBBAA_LE = 15;
    private static final int CHANNEL_INTERLEAVED = 10;
    /** Offset of {@code convert_hdr_to_8bit} in heif_decoding_options (version 2 and later). */
    private static final long CONVERT_HDR_TO_8BIT = 40;
    /** Largest side libheif is asked to accept; the probe has refused larger images by pixel count already. */
    private static final int MAX_SIDE = 65_535;
    private static final int MAX_THUMBNAILS = 16;

    /** What the file's primary image is, after its transformations. */
    record Info(int width, int height, boolean alpha, int lumaBits) {
    }

    private final HeifFunctions heif;

    HeifDecoder(HeifFunctions heif) {
        this.heif = heif;
    }

    Info info(byte[] input) throws HeifException {
        try (Arena arena = Arena.ofConfined(); Session session = new Session(arena, input)) {
            MemorySegment handle = session.primary();
            return new Info(heif.handleWidth(handle), heif.handleHeight(handle), heif.handleHasAlpha(handle),
                    heif.handleLumaBits(handle));
        }
    }

    /** @param wanted the least size the caller needs, or null for the primary image itself */
    BufferedImage decode(byte[] input, Dimension wanted) throws HeifException {
        try (Arena arena = Arena.ofConfined(); Session session = new Session(arena, input)) {
            MemorySegment handle = session.primary();
            if (wanted != null) {
                MemorySegment thumbnail = session.thumbnailCovering(handle, wanted);
                if (thumbnail != null) {
                    handle = thumbnail;
                }
            }
            boolean alpha = heif.handleHasAlpha(handle);
            boolean hasIcc = heif.rawProfileSize(handle) > 0;
            boolean deep = heif.handleLumaBits(handle) > 8;
            MemorySegment image = session.decode(handle, alpha, !deep);
            NclxToSrgb conversion = hasIcc ? null : session.conversion(image);
            if (deep && conversion == null) {
                conversion = NclxToSrgb.identity();
            }
            return pixels(arena, image, alpha, conversion, deep ? 2 : 1);
        }
    }

    private BufferedImage pixels(Arena arena, MemorySegment image, boolean alpha, NclxToSrgb conversion,
            int bytesPerSample) throws HeifException {
        int width = heif.imageWidth(image, CHANNEL_INTERLEAVED);
        int height = heif.imageHeight(image, CHANNEL_INTERLEAVED);
        MemorySegment strideOut = arena.allocate(JAVA_INT);
        MemorySegment plane = heif.planeReadonly(image, CHANNEL_INTERLEAVED, strideOut);
        int stride = strideOut.get(JAVA_INT, 0);
        int channels = alpha ? 4 : 3;
        if (plane.equals(MemorySegment.NULL) || width <= 0 || height <= 0
                || (long) stride < (long) width * channels * bytesPerSample) {
            throw new HeifException("libheif returned no usable image plane", 0);
        }
        plane = plane.reinterpret((long) stride * height);
        BufferedImage result = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) result.getRaster().getDataBuffer()).getData();
        if (conversion != null) {
            int bits = bytesPerSample == 1 ? 8 : heif.imageBitsRange(image, CHANNEL_INTERLEAVED);
            conversion.convert(plane, stride, width, height, alpha, bits, bytesPerSample, out);
            return result;
        }
        byte[] row = new byte[width * channels];
        for (int y = 0; y < height; y++) {
            MemorySegment.copy(plane, JAVA_BYTE, (long) y * stride, row, 0, row.length);
            int o = y * width;
            if (alpha) {
                for (int x = 0, i = 0; x < width; x++, i += 4) {
                    out[o + x] = (row[i + 3] & 0xFF) << 24 | (row[i] & 0xFF) << 16 | (row[i + 1] & 0xFF) << 8
                            | (row[i + 2] & 0xFF);
                }
            } else {
                for (int x = 0, i = 0; x < width; x++, i += 3) {
                    out[o + x] = (row[i] & 0xFF) << 16 | (row[i + 1] & 0xFF) << 8 | (row[i + 2] & 0xFF);
                }
            }
        }
        return result;
    }

    /** One parsed file: its context, the handles and images taken from it, all released on close. */
    private final class Session implements AutoCloseable {

        private final Arena arena;
        private final MemorySegment context;
        private final java.util.List<MemorySegment> handles = new java.util.ArrayList<>();
        private final java.util.List<MemorySegment> images = new java.util.ArrayList<>();

        Session(Arena arena, byte[] input) throws HeifException {
            this.arena = arena;
            MemorySegment data = arena.allocate(Math.max(1, input.length));
            MemorySegment.copy(input, 0, data, JAVA_BYTE, 0, input.length);
            MemorySegment ctx = heif.contextAlloc();
            if (ctx.equals(MemorySegment.NULL)) {
                throw new HeifException("libheif could not allocate a context", HeifException.MEMORY_ALLOCATION);
            }
            this.context = ctx;
            heif.setMaximumImageSize(ctx, MAX_SIDE);
            heif.setMaxDecodingThreads(ctx, 0);
            try {
                HeifException.check(heif.readFromMemory(arena, ctx, data, input.length), "not a HEIF file libheif reads");
            } catch (HeifException e) {
                close();
                throw e;
            }
        }

        MemorySegment primary() throws HeifException {
            MemorySegment out = arena.allocate(ADDRESS);
            HeifException.check(heif.primaryImageHandle(arena, context, out), "no primary image");
            return keep(handles, out.get(ADDRESS, 0));
        }

        /** The smallest thumbnail at least {@code wanted} on both sides, or null. */
        MemorySegment thumbnailCovering(MemorySegment primary, Dimension wanted) {
            int count = Math.min(heif.thumbnailCount(primary), MAX_THUMBNAILS);
            if (count <= 0) {
                return null;
            }
            MemorySegment ids = arena.allocate(JAVA_INT, count);
            int listed = Math.min(count, heif.thumbnailIds(primary, ids, count));
            MemorySegment best = null;
            long bestArea = (long) heif.handleWidth(primary) * heif.handleHeight(primary);
            for (int i = 0; i < listed; i++) {
                MemorySegment out = arena.allocate(ADDRESS);
                MemorySegment error = heif.thumbnail(arena, primary, ids.getAtIndex(JAVA_INT, i), out);
                if (error.get(JAVA_INT, 0) != 0) {
                    continue;
                }
                MemorySegment thumb = out.get(ADDRESS, 0);
                if (thumb.equals(MemorySegment.NULL)) {
                    continue;
                }
                handles.add(thumb);
                int w = heif.handleWidth(thumb);
                int h = heif.handleHeight(thumb);
                long area = (long) w * h;
                if (w >= wanted.width && h >= wanted.height && area < bestArea) {
                    best = thumb;
                    bestArea = area;
                }
            }
            return best;
        }

        MemorySegment decode(MemorySegment handle, boolean alpha, boolean eightBit) throws HeifException {
            MemorySegment options = heif.decodingOptionsAlloc();
            if (options.equals(MemorySegment.NULL)) {
                throw new HeifException("libheif could not allocate decoding options", HeifException.MEMORY_ALLOCATION);
            }
            try {
                MemorySegment opts = options.reinterpret(CONVERT_HDR_TO_8BIT + 1);
                if (opts.get(JAVA_BYTE, 0) >= 2) {
                    opts.set(JAVA_BYTE, CONVERT_HDR_TO_8BIT, (byte) (eightBit ? 1 : 0));
                } else if (!eightBit) {
                    throw new HeifException("this libheif cannot keep high bit depths", 4);
                }
                int chroma = eightBit ? (alpha ? CHROMA_RGBA : CHROMA_RGB)
                        : (alpha ? CHROMA_RRGGBBAA_LE : CHROMA_RRGGBB_LE);
                MemorySegment out = arena.allocate(ADDRESS);
                HeifException.check(heif.decodeImage(arena, handle, out, COLORSPACE_RGB, chroma, options),
                        "the image could not be decoded");
                return keep(images, out.get(ADDRESS, 0));
            } finally {
                heif.decodingOptionsFree(options);
            }
        }

        /** The conversion a decoded image's nclx profile asks for, or null when it is sRGB already. */
        NclxToSrgb conversion(MemorySegment image) {
            MemorySegment out = arena.allocate(ADDRESS);
            MemorySegment error = heif.imageNclx(arena, image, out);
            MemorySegment nclx = out.get(ADDRESS, 0);
            if (error.get(JAVA_INT, 0) != 0 || nclx.equals(MemorySegment.NULL)) {
                return null;
            }
            try {
                return NclxToSrgb.of(nclx.reinterpret(NclxToSrgb.NCLX_SIZE));
            } finally {
                heif.nclxFree(nclx);
            }
        }

        private static MemorySegment keep(java.util.List<MemorySegment> list, MemorySegment pointer)
                throws HeifException {
            if (pointer.equals(MemorySegment.NULL)) {
                throw new HeifException("libheif returned no object", 0);
            }
            list.add(pointer);
            return pointer;
        }

        @Override
        public void close() {
            images.forEach(heif::imageRelease);
            images.clear();
            handles.forEach(heif::handleRelease);
            handles.clear();
            heif.contextFree(context);
        }
    }
}
