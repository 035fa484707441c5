package io.imgorigin.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilesystemImageSourceTest {

    private static final byte[] SECRET = "outside the root".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    private Path root;
    private Path outside;
    private FilesystemImageSource source;

    @BeforeEach
    void layOutFolders() throws IOException {
        root = Files.createDirectories(temp.resolve("root"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.write(outside.resolve("secret.txt"), SECRET);
        Files.write(temp.resolve("secret.txt"), SECRET);
        Files.createDirectories(root.resolve("photos/2024"));
        source = new FilesystemImageSource(root);
    }

    @Test
    void servesNestedFileWithMetadataThatMatchesStat() throws IOException {
        byte[] bytes = {1, 2, 3, 4, 5};
        Path file = Files.write(root.resolve("photos/2024/cat.png"), bytes);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-05-01T10:20:30.456789Z")));

        SourceObject object = source.fetch("photos/2024/cat.png", 100);
        SourceMetadata stat = source.stat("photos/2024/cat.png");

        assertThat(object.bytes()).isEqualTo(bytes);
        assertThat(object.metadata()).isEqualTo(stat);
        assertThat(stat.etag()).matches("[0-9a-f]{32}");
        assertThat(stat.lastModified()).isEqualTo(Instant.parse("2024-05-01T10:20:30Z"));
        assertThat(stat.contentType()).isEqualTo("image/png");
    }

    @Test
    void missingFileIsNotFound() {
        assertThatThrownBy(() -> source.stat("photos/nope.jpg")).isInstanceOf(SourceNotFoundException.class);
        assertThatThrownBy(() -> source.fetch("photos/nope.jpg", 100)).isInstanceOf(SourceNotFoundException.class);
    }

    @Test
    void directoryIsNotFound() {
        assertThatThrownBy(() -> source.stat("photos/2024")).isInstanceOf(SourceNotFoundException.class);
        assertThatThrownBy(() -> source.fetch("photos", 100)).isInstanceOf(SourceNotFoundException.class);
    }

    @Test
    void fileUsedAsDirectoryIsNotFound() throws IOException {
        Files.write(root.resolve("cat.jpg"), new byte[] {1});

        assertThatThrownBy(() -> source.fetch("cat.jpg/more.jpg", 100)).isInstanceOf(SourceNotFoundException.class);
    }

    @Test
    void missingRootMakesEveryKeyNotFound() {
        FilesystemImageSource nowhere = new FilesystemImageSource(temp.resolve("does-not-exist"));

        assertThatThrownBy(() -> nowhere.fetch("cat.jpg", 100)).isInstanceOf(SourceNotFoundException.class);
    }

    static Stream<String> escapingKeys() {
        return Stream.of(
                "../secret.txt",
                "../outside/secret.txt",
                "photos/../../secret.txt",
                "photos/2024/../../../outside/secret.txt",
                // what %2e%2e%2f and %2e%2e%5c become once the web layer has decoded them
                "..\\secret.txt",
                "photos\\..\\..\\secret.txt",
                "..",
                "/etc/passwd",
                "\\etc\\passwd",
                "",
                "cat.jpg\u0000.png");
    }

    @ParameterizedTest
    @MethodSource("escapingKeys")
    void keysThatLeaveTheRootAreNotFound(String key) {
        assertThatThrownBy(() -> source.fetch(key, 1000)).isInstanceOf(SourceNotFoundException.class);
        assertThatThrownBy(() -> source.stat(key)).isInstanceOf(SourceNotFoundException.class);
    }

    @Test
    void absolutePathOfAFileOutsideIsNotFound() {
        String key = outside.resolve("secret.txt").toAbsolutePath().toString();

        assertThatThrownBy(() -> source.fetch(key, 1000)).isInstanceOf(SourceNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%2e%2e/secret.txt", "%2e%2e%2fsecret.txt", "..%2fsecret.txt"})
    void stillEncodedKeysAreOrdinaryNamesInsideTheRoot(String key) throws IOException {
        assertThatThrownBy(() -> source.fetch(key, 1000)).isInstanceOf(SourceNotFoundException.class);

        Files.createDirectories(root.resolve(key).getParent());
        Files.write(root.resolve(key), new byte[] {7});
        assertThat(source.fetch(key, 1000).bytes()).containsExactly(7);
    }

    @Test
    void symlinkToAFileOutsideIsNotFound() throws IOException {
        Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));

        assertThatThrownBy(() -> source.fetch("link.txt", 1000)).isInstanceOf(SourceNotFoundException.class);
        assertThatThrownBy(() -> source.stat("link.txt")).isInstanceOf(SourceNotFoundException.class);
    }

    @Test
    void symlinkedDirectoryOutsideIsNotFound() throws IOException {
        Files.createSymbolicLink(root.resolve("escape"), outside);

        assertThatThrownBy(() -> source.fetch("escape/secret.txt", 1000))
                .isInstanceOf(SourceNotFoundException.class);
    }

    @Test
    void relativeSymlinkClimbingOutIsNotFound() throws IOException {
        Files.createSymbolicLink(root.resolve("photos/up.txt"), Path.of("../../outside/secret.txt"));

        assertThatThrownBy(() -> source.fetch("photos/up.txt", 1000)).isInstanceOf(SourceNotFoundException.class);
    }

    @Test
    void symlinkThatStaysInsideIsServed() throws IOException {
        Files.write(root.resolve("photos/real.jpg"), new byte[] {9, 9});
        Files.createSymbolicLink(root.resolve("alias.jpg"), Path.of("photos/real.jpg"));

        assertThat(source.fetch("alias.jpg", 1000).bytes()).containsExactly(9, 9);
    }

    @Test
    void rootReachedThroughASymlinkStillServes() throws IOException {
        Files.write(root.resolve("cat.jpg"), new byte[] {3});
        Path linkedRoot = Files.createSymbolicLink(temp.resolve("linked-root"), root);

        assertThat(new FilesystemImageSource(linkedRoot).fetch("cat.jpg", 10).bytes()).containsExactly(3);
    }

    @Test
    void theTagStaysWhileTheFileIsUntouched() throws IOException {
        Files.write(root.resolve("cat.jpg"), new byte[] {1, 2, 3});
        String tag = source.stat("cat.jpg").etag();

        assertThat(source.stat("cat.jpg").etag()).isEqualTo(tag);
        assertThat(source.fetch("cat.jpg", 10).metadata().etag()).isEqualTo(tag);
        assertThat(new FilesystemImageSource(root).stat("cat.jpg").etag()).isEqualTo(tag);
    }

    @Test
    void anEditChangesTheTag() throws IOException {
        Path file = Files.write(root.resolve("cat.jpg"), new byte[] {1, 2, 3});
        FileTime mtime = Files.getLastModifiedTime(file);
        String before = source.stat("cat.jpg").etag();

        Files.write(file, new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(file, mtime);
        String longer = source.stat("cat.jpg").etag();
        Files.setLastModifiedTime(file, FileTime.from(mtime.toInstant().plusNanos(1000)));
        String touched = source.stat("cat.jpg").etag();

        assertThat(longer).isNotEqualTo(before);
        assertThat(touched).isNotEqualTo(longer).isNotEqualTo(before);
        assertThat(source.fetch("cat.jpg", 10).metadata().etag()).isEqualTo(touched);
    }

    @Test
    void aFileReplacedByARenameGetsANewTagEvenWithTheSameSizeAndTimes() throws IOException {
        Path file = Files.write(root.resolve("cat.jpg"), new byte[] {1, 2, 3});
        FileTime mtime = Files.getLastModifiedTime(file);
        String before = source.stat("cat.jpg").etag();

        // What rsync and deploy tools do: a new file beside the old one, its times copied, renamed over it.
        Path replacement = Files.write(root.resolve(".cat.jpg.tmp"), new byte[] {1, 2, 4});
        Files.setLastModifiedTime(replacement, mtime);
        Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(Files.getLastModifiedTime(file)).isEqualTo(mtime);
        assertThat(source.stat("cat.jpg").etag()).isNotEqualTo(before);
        assertThat(source.fetch("cat.jpg", 10).bytes()).containsExactly(1, 2, 4);
    }

    @Test
    void statReadsNoBytesSoItsCostDoesNotDependOnTheSize() throws IOException {
        // A sparse terabyte: reading or hashing it would take many minutes.
        Path huge = root.resolve("huge.tif");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(1L << 40);
        }

        SourceMetadata stat = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> source.stat("huge.tif"));

        assertThat(stat.etag()).matches("[0-9a-f]{32}");
        assertThatThrownBy(() -> source.fetch("huge.tif", 1000)).isInstanceOf(SourceTooLargeException.class);
    }

    @Test
    void fileOverTheLimitIsTooLarge() throws IOException {
        Files.write(root.resolve("big.jpg"), new byte[1000]);

        assertThatThrownBy(() -> source.fetch("big.jpg", 999)).isInstanceOf(SourceTooLargeException.class);
        assertThat(source.fetch("big.jpg", 1000).bytes()).hasSize(1000);
    }

    @Test
    void aReadThatHangsIsATimeoutAtTheDeadlineAndTheNextReadIsServed() throws Exception {
        Files.write(root.resolve("cat.jpg"), new byte[] {1, 2, 3});
        CountDownLatch mountBack = new CountDownLatch(1);
        CountDownLatch stuck = new CountDownLatch(1);
        FilesystemImageSource hanging = new FilesystemImageSource(root, Duration.ofMillis(300),
                in -> new StallingStream(in, stuck, mountBack));
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> hanging.fetch("cat.jpg", 10)).isInstanceOf(SourceTimeoutException.class);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(stuck.getCount()).as("the read really was blocked").isZero();
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofMillis(1300));
        } finally {
            mountBack.countDown();
        }
        assertThat(source.fetch("cat.jpg", 10).bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void readsStuckOnADeadMountAreBoundedAndFailAtOnceBeyondTheBound() throws Exception {
        Files.write(root.resolve("cat.jpg"), new byte[] {1, 2, 3});
        CountDownLatch mountBack = new CountDownLatch(1);
        CountDownLatch stuck = new CountDownLatch(FilesystemImageSource.MAX_STUCK_READS);
        FilesystemImageSource hanging = new FilesystemImageSource(root, Duration.ofSeconds(30),
                in -> new StallingStream(in, stuck, mountBack));
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        try {
            for (int i = 0; i < FilesystemImageSource.MAX_STUCK_READS; i++) {
                waiting.add(CompletableFuture.runAsync(() -> hanging.fetch("cat.jpg", 10),
                        runnable -> Thread.ofVirtual().start(runnable)));
            }
            stuck.await();

            long started = System.nanoTime();
            assertThatThrownBy(() -> hanging.stat("cat.jpg")).isInstanceOf(SourceTimeoutException.class)
                    .hasMessageContaining("did not return");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            mountBack.countDown();
        }
        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get();
        assertThat(hanging.fetch("cat.jpg", 10).bytes()).as("the reads came back, so the bound is free again")
                .containsExactly(1, 2, 3);
    }

    /** Blocks its first read until released, as a read on a hung network mount does. */
    private static final class StallingStream extends FilterInputStream {

        private final CountDownLatch stuck;
        private final CountDownLatch release;

        StallingStream(InputStream in, CountDownLatch stuck, CountDownLatch release) {
            super(in);
            this.stuck = stuck;
            this.release = release;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            stuck.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            return super.read(b, off, len);
        }
    }
}
