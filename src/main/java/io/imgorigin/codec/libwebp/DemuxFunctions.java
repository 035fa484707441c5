package io.imgorigin.codec.libwebp;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import io.imgorigin.codec.Downcalls;

/** Typed entry points into libwebpdemux's WebPAnimDecoder API (demux.h). */
final class DemuxFunctions {

    private final MethodHandle version;
    private final MethodHandle optionsInit;
    private final MethodHandle decoderNew;
    private final MethodHandle getInfo;
    private final MethodHandle getNext;
    private final MethodHandle hasMoreFrames;
    private final MethodHandle delete;

    private DemuxFunctions(Downcalls.Binder b) {
        WebpStructs.checkSizes();
        version = b.bind("WebPGetDemuxVersion", FunctionDescriptor.of(JAVA_INT));
        optionsInit = b.bind("WebPAnimDecoderOptionsInitInternal", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        decoderNew = b.bind("WebPAnimDecoderNewInternal", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT));
        getInfo = b.bind("WebPAnimDecoderGetInfo", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        getNext = b.bind("WebPAnimDecoderGetNext", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        hasMoreFrames = b.bind("WebPAnimDecoderHasMoreFrames", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        delete = b.bind("WebPAnimDecoderDelete", FunctionDescriptor.ofVoid(ADDRESS));
    }

    static DemuxFunctions bind(SymbolLookup lookup) {
        return new DemuxFunctions(Downcalls.binder(lookup, "size_t"));
    }

    /** "1.2.4" from 0x010204. */
    String version() {
        int v = Downcalls.call(() -> (int) version.invokeExact());
        return (v >> 16) + "." + (v >> 8 & 0xFF) + "." + (v & 0xFF);
    }

    boolean optionsInit(MemorySegment options) {
        return Downcalls.call(() -> (int) optionsInit.invokeExact(options, WebpStructs.DEMUX_ABI)) != 0;
    }

    MemorySegment decoderNew(MemorySegment data, MemorySegment options) {
        return Downcalls.call(() -> (MemorySegment) decoderNew.invokeExact(data, options, WebpStructs.DEMUX_ABI));
    }

    boolean getInfo(MemorySegment decoder, MemorySegment info) {
        return Downcalls.call(() -> (int) getInfo.invokeExact(decoder, info)) != 0;
    }

    boolean getNext(MemorySegment decoder, MemorySegment buffer, MemorySegment timestamp) {
        return Downcalls.call(() -> (int) getNext.invokeExact(decoder, buffer, timestamp)) != 0;
    }

    boolean hasMoreFrames(MemorySegment decoder) {
        return Downcalls.call(() -> (int) hasMoreFrames.invokeExact(decoder)) != 0;
    }

    void delete(MemorySegment decoder) {
        Downcalls.call(() -> {
            delete.invokeExact(decoder);
        });
    }
}
