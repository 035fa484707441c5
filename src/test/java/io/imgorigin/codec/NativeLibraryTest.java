package io.imgorigin.codec;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.util.List;

import org.junit.jupiter.api.Test;

class NativeLibraryTest {

    /** The C library's getpid, or another function of it by name. */
    private static final class Libc extends NativeLibrary<MethodHandle> {

        Libc(List<String> candidates, String function) {
            super("libc", candidates, lookup -> Downcalls.binder(lookup, "size_t")
                    .bind(function, FunctionDescriptor.of(JAVA_INT)), handle -> "");
        }

        int call() {
            MethodHandle function = require();
            return Downcalls.call(() -> (int) function.invokeExact());
        }
    }

    @Test
    void candidatesAreTheBareNameThenTheUsualDirectoriesThenMore() {
        List<String> candidates = NativeLibrary.candidates("libfoo.so.0", "/opt/foo/lib64");

        assertThat(candidates.getFirst()).isEqualTo("libfoo.so.0");
        assertThat(candidates).contains("/usr/lib/x86_64-linux-gnu/libfoo.so.0", "/usr/local/lib/libfoo.so.0");
        assertThat(candidates.getLast()).isEqualTo("/opt/foo/lib64/libfoo.so.0");
        assertThat(candidates).doesNotHaveDuplicates();
    }

    @Test
    void bindsTheFirstCandidateThatHasEveryFunctionAndSaysWhereItCameFrom() {
        Libc libc = new Libc(List.of("libc-missing.so.9", "libc.so.6"), "getpid");
        assumeTrue(libc.available(), libc::describe);

        assertThat(libc.describe()).startsWith("libc loaded from /").contains("libc.so");
        assertThat(libc.call()).isEqualTo((int) ProcessHandle.current().pid());
    }

    @Test
    void withoutAWorkingCandidateItIsUnavailableAndSaysWhyEachFailed() {
        Libc libc = new Libc(List.of("libc-missing.so.9", "libc.so.6"), "no_such_function");

        assertThat(libc.available()).isFalse();
        assertThat(libc.describe()).startsWith("unavailable: ").contains("libc-missing.so.9")
                .contains("libc.so.6: symbol no_such_function not found");
        assertThatThrownBy(libc::require).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("libc is unavailable: ");
    }
}
