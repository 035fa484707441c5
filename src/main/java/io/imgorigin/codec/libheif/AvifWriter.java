package io.imgorigin.codec.libheif;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

/**
 * Writes 8-bit sRGB images as AVIF with libheif and its AV1 encoder (libaom): tagged nclx sRGB (BT.709
 * primaries, sRGB transfer, BT.601 matrix, full range), chroma 4:2:0 below quality 90 and 4:4:4 from 90,
 * alpha kept, no metadata. libheif hands the file back through a writer callback, collected per thread.
 */
public final class AvifWriter {

    /** Chroma subsampling stops at this quality: from it on, 4:4:4. */
    public static final int FULL_CHROMA_QUALITY = 90;

    private static final int COLORSPACE_RGB = 1;
    private static final int CHROMA_RGB = 10;
    private static final int CHROMA_RGBA = 11;
    private static final int CHANNEL_INTERLEAVED = 10;
    /** Offsets in heif_encoding_options: output_nclx_profile (version 4 and later). */
    private static final long OUTPUT_NCLX = 8;
    /** Offsets in heif_color_profile_nclx (version 1). */
    private static final long NCLX_PRIMARIES = 4;
    private static final long NCLX_TRANSFER = 8;
    private static final long NCLX_MATRIX = 12;
    private static final long NCLX_FULL_RANGE = 16;

    private static final ThreadLocal<ByteArrayOutputStream> SINK = new ThreadLocal<>();
    private static final MemorySegment WRITER;
    private static final MemorySegment SUCCESS;
    private static final MemorySegment FAILURE;

    static {
        Arena global = Arena.global();
        MemorySegment ok = global.allocateFrom("Success");
        MemorySegment failed = global.allocateFrom("could not collect the encoded bytes");
        SUCCESS = global.allocate(HeifFunctions.ERROR);
        SUCCESS.set(ADDRESS, 8, ok);
        FAILURE = global.allocate(HeifFunctions.ERROR);
        FAILURE.set(JAVA_INT, 0, 9);
        FAILURE.set(ADDRESS, 8, failed);
        MemorySegment writer = global.allocate(MemoryLayout.structLayout(JAVA_INT, MemoryLayout.paddingLayout(4), ADDRESS));
        writer.set(JAVA_INT, 0, 1);
        try {
            MemorySegment write = Linker.nativeLinker().upcallStub(MethodHandles.lookup().findStatic(AvifWriter.class,
                    "write", MethodType.methodType(MemorySegment.class, MemorySegment.class, MemorySegment.class,
                            long.class, MemorySegment.class)),
                    FunctionDescriptor.of(HeifFunctions.ERROR, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS), global);
            writer.set(ADDRESS, 8, write);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        WRITER = writer;
    }

    private final HeifLibrary library;

    private AvifWriter(HeifLibrary library) {
        this.library = library;
    }

    /** The writer, when libheif and an AV1 encoder are there; check {@link HeifLibrary#writesAvif()} first. */
    public static AvifWriter create() {
        return new AvifWriter(HeifLibrary.instance());
    }

    /**
     * @param image   TYPE_INT_RGB or TYPE_INT_ARGB, 8-bit sRGB
     * @param quality 1..100
     * @param speed   libaom's speed 0 (slowest, smallest) .. 9
     * @param threads libaom's threads for this one image
     */
    public byte[] write(BufferedImage image, int quality, int speed, int threads) throws HeifException {
        return write(image, quality, speed, threads, Map.of());
    }

    /**
     * As {@link #write(BufferedImage, int, int, int)}, with these libheif encoder parameters (e.g.
     * {@code aom:enable-qm} = {@code 1}, passed on to libaom) set after the others: for measuring them.
     */
    public byte[] write(BufferedImage image, int quality, int speed, int threads, Map<String, String> parameters)
            throws HeifException {
        HeifFunctions heif = library.require();
        int width = image.getWidth();
        int height = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha();
        int[] pixels = argb(image);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment context = heif.contextAlloc();
            if (context.equals(MemorySegment.NULL)) {
                throw new HeifException("libheif could not allocate a context", HeifException.MEMORY_ALLOCATION);
            }
            MemorySegment encoder = MemorySegment.NULL;
            MemorySegment heifImage = MemorySegment.NULL;
            MemorySegment nclx = MemorySegment.NULL;
            MemorySegment options = MemorySegment.NULL;
            try {
                MemorySegment out = arena.allocate(ADDRESS);
                HeifException.check(heif.encoderForFormat(arena, context, HeifLibrary.COMPRESSION_AV1, out),
                        "no AV1 encoder");
                encoder = out.get(ADDRESS, 0);
                HeifException.check(heif.encoderSetLossyQuality(arena, encoder, quality), "quality");
                parameter(heif, arena, encoder, "speed", Integer.toString(speed));
                parameter(heif, arena, encoder, "threads", Integer.toString(threads));
                parameter(heif, arena, encoder, "chroma", quality >= FULL_CHROMA_QUALITY ? "444" : "420");
                for (Map.Entry<String, String> p : parameters.entrySet()) {
                    parameter(heif, arena, encoder, p.getKey(), p.getValue());
                }

                HeifException.check(heif.imageCreate(arena, width, height, COLORSPACE_RGB,
                        alpha ? CHROMA_RGBA : CHROMA_RGB, out), "image");
                heifImage = out.get(ADDRESS, 0);
                HeifException.check(heif.imageAddPlane(arena, heifImage, CHANNEL_INTERLEAVED, width, height, 8), "plane");
                fill(heif, arena, heifImage, pixels, width, height, alpha);

                nclx = heif.nclxAlloc();
                if (!nclx.equals(MemorySegment.NULL)) {
                    MemorySegment profile = nclx.reinterpret(NclxToSrgb.NCLX_SIZE);
                    profile.set(JAVA_INT, NCLX_PRIMARIES, 1);
                    profile.set(JAVA_INT, NCLX_TRANSFER, 13);
                    profile.set(JAVA_INT, NCLX_MATRIX, 6);
                    profile.set(JAVA_BYTE, NCLX_FULL_RANGE, (byte) 1);
                    HeifException.check(heif.imageSetNclx(arena, heifImage, nclx), "colour profile");
                }
                options = heif.encodingOptionsAlloc();
                if (!options.equals(MemorySegment.NULL) && !nclx.equals(MemorySegment.NULL)) {
                    MemorySegment opts = options.reinterpret(OUTPUT_NCLX + ADDRESS.byteSize());
                    if (opts.get(JAVA_BYTE, 0) >= 4) {
                        opts.set(ADDRESS, OUTPUT_NCLX, nclx);
                    }
                }
                HeifException.check(heif.encodeImage(arena, context, heifImage, encoder, options), "encoding");
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, width * height / 8));
                SINK.set(bytes);
                try {
                    HeifException.check(heif.contextWrite(arena, context, WRITER, MemorySegment.NULL), "writing");
                } finally {
                    SINK.remove();
                }
                return bytes.toByteArray();
            } finally {
                if (!options.equals(MemorySegment.NULL)) {
                    heif.encodingOptionsFree(options);
                }
                if (!nclx.equals(MemorySegment.NULL)) {
                    heif.nclxFree(nclx);
                }
                if (!heifImage.equals(MemorySegment.NULL)) {
                    heif.imageRelease(heifImage);
                }
                if (!encoder.equals(MemorySegment.NULL)) {
                    heif.encoderRelease(encoder);
                }
                heif.contextFree(context);
            }
        }
    }

    private static void parameter(HeifFunctions heif, Arena arena, MemorySegment encoder, String name, String value)
            throws HeifException {
        HeifException.check(heif.encoderSetParameter(arena, encoder, arena.allocateFrom(name), arena.allocateFrom(value)),
                name);
    }

    private static void fill(HeifFunctions heif, Arena arena, MemorySegment image, int[] pixels, int width, int height,
            boolean alpha) throws HeifException {
        MemorySegment strideOut = arena.allocate(JAVA_INT);
        MemorySegment plane = heif.plane(image, CHANNEL_INTERLEAVED, strideOut);
        int stride = strideOut.get(JAVA_INT, 0);
        int channels = alpha ? 4 : 3;
        if (plane.equals(MemorySegment.NULL) || stride < width * channels) {
            throw new HeifException("libheif gave no plane to fill", 0);
        }
        plane = plane.reinterpret((long) stride * height);
        byte[] row = new byte[width * channels];
        for (int y = 0; y < height; y++) {
            int o = y * width;
            for (int x = 0, i = 0; x < width; x++, i += channels) {
                int p = pixels[o + x];
                row[i] = (byte) (p >> 16);
                row[i + 1] = (byte) (p >> 8);
                row[i + 2] = (byte) p;
                if (alpha) {
                    row[i + 3] = (byte) (p >>> 24);
                }
            }
            MemorySegment.copy(row, 0, plane, JAVA_BYTE, (long) y * stride, row.length);
        }
    }

    private static int[] argb(BufferedImage image) {
        if ((image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0
                && buffer.getData().length == image.getWidth() * image.getHeight()) {
            return buffer.getData();
        }
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /**
     * libheif's writer callback. It must never throw: an exception leaving an upcall ends the process. The
     * bytes go to the calling thread's sink, which {@link #write(BufferedImage, int, int, int)} set.
     */
    private static MemorySegment write(MemorySegment context, MemorySegment data, long size, MemorySegment userData) {
        try {
            ByteArrayOutputStream sink = SINK.get();
            if (sink == null || size < 0 || size > Integer.MAX_VALUE - 8 - sink.size()) {
                return FAILURE;
            }
            byte[] chunk = new byte[(int) size];
            MemorySegment.copy(data.reinterpret(size), JAVA_BYTE, 0, chunk, 0, chunk.length);
            sink.write(chunk, 0, chunk.length);
            return SUCCESS;
        } catch (Throwable e) {
            return FAILURE;
        }
    }
}
