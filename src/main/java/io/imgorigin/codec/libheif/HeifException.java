package io.imgorigin.codec.libheif;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** A {@code struct heif_error} with a non-zero code, with libheif's message. */
public final class HeifException extends IOException {

    /** heif_error_Memory_allocation_error. */
    static final int MEMORY_ALLOCATION = 6;

    private final int code;

    HeifException(String message, int code) {
        super(message);
        this.code = code;
    }

    /** libheif's error code (enum heif_error_code). */
    public int code() {
        return code;
    }

    /** Throws for a returned {@code struct heif_error} whose code is not heif_error_Ok. */
    static void check(MemorySegment error, String what) throws HeifException {
        int code = error.get(ValueLayout.JAVA_INT, 0);
        if (code == 0) {
            return;
        }
        int subcode = error.get(ValueLayout.JAVA_INT, 4);
        String message = HeifFunctions.text(error.get(ValueLayout.ADDRESS, 8), "");
        throw new HeifException(what + ": " + (message.isEmpty() ? "libheif error " + code + "/" + subcode : message),
                code);
    }
}
