package io.imgorigin.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Serves the regular files under a root directory, and nothing outside it whatever the key says.
 *
 * <p>The entity tag is a SHA-256 of the file's content: file timestamps on Linux tick coarsely enough
 * that an overwrite within the same few milliseconds could keep size and mtime, and a content hash also
 * stays the same when an identical file is copied back, which is what a CDN wants. The price is that
 * {@link #stat} reads the file; it is local, so that is cheap next to decoding.
 */
public class FilesystemImageSource implements ImageSource {

    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");

    private final Path root;

    public FilesystemImageSource(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public SourceMetadata stat(String key) {
        Path file = resolve(key);
        try (InputStream in = open(file)) {
            MessageDigest digest = sha256();
            try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
                digesting.transferTo(OutputStream.nullOutputStream());
            }
            return metadata(file, digest.digest());
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw notFound(key, e);
        } catch (IOException e) {
            throw new SourceStoreException("Cannot read source '" + key + "'", e);
        }
    }

    @Override
    public SourceObject fetch(String key, long maxBytes) {
        Path file = resolve(key);
        try {
            if (Files.size(file) > maxBytes) {
                throw BoundedRead.tooLarge(key, maxBytes);
            }
            byte[] bytes;
            try (InputStream in = open(file)) {
                bytes = BoundedRead.readAtMost(in, maxBytes, key);
            }
            return new SourceObject(metadata(file, sha256().digest(bytes)), bytes);
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw notFound(key, e);
        } catch (IOException e) {
            throw new SourceStoreException("Cannot read source '" + key + "'", e);
        }
    }

    /**
     * The real path of the key's file, checked to lie under the real root after every symlink is
     * followed. Anything that is not a regular file inside the root is reported as missing, so a
     * probe learns nothing about what lies outside.
     */
    private Path resolve(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.startsWith("\\")) {
            throw notFound(key, null);
        }
        for (String segment : SEPARATORS.split(key, -1)) {
            if (segment.equals("..")) {
                throw notFound(key, null);
            }
        }
        try {
            Path candidate = root.resolve(key).normalize();
            if (!candidate.startsWith(root)) {
                throw notFound(key, null);
            }
            Path realRoot = root.toRealPath();
            Path real = candidate.toRealPath();
            if (!real.startsWith(realRoot) || !Files.isRegularFile(real)) {
                throw notFound(key, null);
            }
            return real;
        } catch (InvalidPathException | FileSystemException e) {
            // Missing, not a directory on the way, unreadable, or a symlink loop: all mean "no such object".
            throw notFound(key, e);
        } catch (IOException e) {
            throw new SourceStoreException("Cannot resolve source '" + key + "'", e);
        }
    }

    /** Refuses a final symlink swapped in after {@link #resolve} checked the path. */
    private static InputStream open(Path file) throws IOException {
        return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static SourceMetadata metadata(Path file, byte[] digest) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
        String contentType = URLConnection.getFileNameMap().getContentTypeFor(file.getFileName().toString());
        return new SourceMetadata(HexFormat.of().formatHex(digest), modified, contentType);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM provides SHA-256", e);
        }
    }

    private static SourceNotFoundException notFound(String key, Exception cause) {
        return new SourceNotFoundException("No source '" + key + "'", cause);
    }
}
