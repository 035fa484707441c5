package io.imgorigin.codec;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Binding a native library's functions and calling them, as the codecs' bindings share it. A binding
 * keeps one typed method per C function, each a single {@code invokeExact} passed to {@link #call}.
 */
public final class Downcalls {

    private Downcalls() {
    }

    /**
     * A binder for the library found by {@code lookup}, refusing a platform where C's {@code longType}, which
     * the binding passes as a Java long, is narrower.
     *
     * @param longType a name of {@link Linker#canonicalLayouts()}, such as "long" or "size_t"
     */
    public static Binder binder(SymbolLookup lookup, String longType) {
        Linker linker = Linker.nativeLinker();
        if (!ValueLayout.JAVA_LONG.equals(linker.canonicalLayouts().get(longType))) {
            throw new UnsupportedOperationException("C's " + longType + " is not 64 bits on this platform");
        }
        return new Binder(linker, lookup);
    }

    /** Binds a library's symbols to method handles. */
    public record Binder(Linker linker, SymbolLookup lookup) {

        public MethodHandle bind(String name, FunctionDescriptor descriptor) {
            return linker.downcallHandle(symbol(name), descriptor);
        }

        /**
         * For a function given Java arrays to read and write in place, with no native copy. Such a call
         * must not call back into Java, and the collector waits while it runs.
         */
        public MethodHandle bindWithHeapAccess(String name, FunctionDescriptor descriptor) {
            return linker.downcallHandle(symbol(name), descriptor, Linker.Option.critical(true));
        }

        private MemorySegment symbol(String name) {
            return lookup.find(name).orElseThrow(() -> new UnsupportedOperationException("symbol " + name + " not found"));
        }
    }

    /** A downcall returning a C int. */
    @FunctionalInterface
    public interface IntCall {
        int invoke() throws Throwable;
    }

    /** A downcall returning a C long or size_t. */
    @FunctionalInterface
    public interface LongCall {
        long invoke() throws Throwable;
    }

    /** A downcall returning a pointer. */
    @FunctionalInterface
    public interface PointerCall {
        MemorySegment invoke() throws Throwable;
    }

    /**
     * A downcall returning nothing. Write it as a block, {@code () -> { handle.invokeExact(...); }}: only as
     * a statement is {@code invokeExact}'s type the handle's void one.
     */
    @FunctionalInterface
    public interface VoidCall {
        void invoke() throws Throwable;
    }

    public static int call(IntCall call) {
        try {
            return call.invoke();
        } catch (Throwable e) {
            throw unchecked(e);
        }
    }

    public static long call(LongCall call) {
        try {
            return call.invoke();
        } catch (Throwable e) {
            throw unchecked(e);
        }
    }

    public static MemorySegment call(PointerCall call) {
        try {
            return call.invoke();
        } catch (Throwable e) {
            throw unchecked(e);
        }
    }

    public static void call(VoidCall call) {
        try {
            call.invoke();
        } catch (Throwable e) {
            throw unchecked(e);
        }
    }

    /**
     * What {@code invokeExact} threw, as it was when unchecked: downcalls throw no checked exceptions, so one
     * here is a bug and is wrapped.
     */
    private static RuntimeException unchecked(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("unexpected checked exception from a native call", e);
    }
}
