package io.imgorigin.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
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
        assertThat(stat.etag()).matches("[0-9a-f]{64}");
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
    void overwriteChangesEtagEvenWithSameSizeAndTimestamp() throws IOException {
        Path file = Files.write(root.resolve("cat.jpg"), new byte[] {1, 2, 3});
        FileTime mtime = Files.getLastModifiedTime(file);
        String before = source.stat("cat.jpg").etag();

        Files.write(file, new byte[] {1, 2, 4});
        Files.setLastModifiedTime(file, mtime);

        assertThat(source.stat("cat.jpg").etag()).isNotEqualTo(before);
        assertThat(source.fetch("cat.jpg", 10).metadata().etag()).isNotEqualTo(before);
    }

    @Test
    void etagNamesTheBytesSoRewritingTheSameBytesKeepsIt() throws IOException {
        Path file = Files.write(root.resolve("cat.jpg"), new byte[] {1, 2, 3});
        String before = source.stat("cat.jpg").etag();

        Files.write(file, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

        assertThat(source.stat("cat.jpg").etag()).isEqualTo(before);
    }

    @Test
    void fileOverTheLimitIsTooLarge() throws IOException {
        Files.write(root.resolve("big.jpg"), new byte[1000]);

        assertThatThrownBy(() -> source.fetch("big.jpg", 999)).isInstanceOf(SourceTooLargeException.class);
        assertThat(source.fetch("big.jpg", 1000).bytes()).hasSize(1000);
    }
}
