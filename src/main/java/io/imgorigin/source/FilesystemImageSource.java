package io.imgorigin.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Serves the regular files under a root directory, and nothing outside it whatever the key says.
 *
 * <p>The entity tag is taken from the file's metadata, one {@code stat} and no bytes read, so that a
 * conditional request costs the same whatever the file's size: its size, modification time and, where
 * the platform has them, its change time and file key (device and inode). An edit changes the size or
 * the modification time; a file replaced by a rename (as deploy tools and {@code rsync} do) has a new
 * inode even when size and times were copied over; and the change time, which no tool can set back,
 * moves when a file is rewritten in place with its old modification time restored (as {@code cp -p}
 * does), to the file system's timestamp granularity. The price is that the same bytes written again
 * get a new tag, which costs one extra render, never a stale image.
 *
 * <p>{@link #fetch} reads the metadata before and after the bytes, and reads again when they differ,
 * so that the tag it returns always belongs to the bytes it returns.
 *
 * <p>Each answer must come within the source timeout, as from S3: a read blocked in the kernel (a hung
 * network mount) cannot be interrupted, so it runs on a thread of its own that the request stops waiting
 * for at the deadline (504). Such reads are bounded in number, so a dead mount costs threads only up to
 * {@link #MAX_STUCK_READS}; past that, requests fail at once until reads return.
 */
public class FilesystemImageSource implements ImageSource {

    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");
    /** How often {@link #fetch} reads a file that changes under it before calling the store broken. */
    static final int READ_ATTEMPTS = 3;
    private static final int TAG_BYTES = 16;

    static final int MAX_STUCK_READS = 64;

    private final Path root;
    private final Duration timeout;
    private final UnaryOperator<InputStream> streams;
    private final Semaphore outstanding = new Semaphore(MAX_STUCK_READS);

    public FilesystemImageSource(Path root) {
        this(root, Duration.ofSeconds(10));
    }

    public FilesystemImageSource(Path root, Duration timeout) {
        this(root, timeout, UnaryOperator.identity());
    }

    /** @param streams wraps each file's stream; tests put a stalling stream here to stand for a hung mount */
    FilesystemImageSource(Path root, Duration timeout, UnaryOperator<InputStream> streams) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The store's timeout must be positive: " + timeout);
        }
        this.root = root.toAbsolutePath().normalize();
        this.timeout = timeout;
        this.streams = streams;
    }

    public Path root() {
        return root;
    }

    @Override
    public SourceMetadata stat(String key) {
        return withinDeadline(key, () -> statNow(key));
    }

    @Override
    public SourceObject fetch(String key, long maxBytes) {
        return withinDeadline(key, () -> fetchNow(key, maxBytes));
    }

    private <T> T withinDeadline(String key, Callable<T> work) {
        if (!outstanding.tryAcquire()) {
            throw new SourceTimeoutException("The folder has " + MAX_STUCK_READS
                    + " reads that did not return; not reading '" + key + "'");
        }
        FutureTask<T> task = new FutureTask<>(() -> {
            try {
                return work.call();
            } finally {
                outstanding.release();
            }
        });
        Thread.ofVirtual().name("source-read").start(task);
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new SourceTimeoutException("The folder did not answer for '" + key + "' within the deadline", e);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new SourceTimeoutException("Interrupted while reading '" + key + "'", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new SourceStoreException("Cannot read source '" + key + "'", e.getCause());
        }
    }

    private SourceMetadata statNow(String key) {
        Path file = resolve(key);
        try {
            return metadata(file, FileVersion.of(file));
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw notFound(key, e);
        } catch (IOException e) {
            throw new SourceStoreException("Cannot read source '" + key + "'", e);
        }
    }

    private SourceObject fetchNow(String key, long maxBytes) {
        Path file = resolve(key);
        try {
            for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
                FileVersion before = FileVersion.of(file);
                if (before.size() > maxBytes) {
                    throw BoundedRead.tooLarge(key, maxBytes);
                }
                byte[] bytes;
                try (InputStream in = streams.apply(open(file))) {
                    bytes = BoundedRead.readAtMost(in, maxBytes, key);
                }
                FileVersion after = FileVersion.of(file);
                if (after.equals(before) && bytes.length == after.size()) {
                    return new SourceObject(metadata(file, after), bytes);
                }
            }
            throw new SourceStoreException("Source '" + key + "' changed while it was read, " + READ_ATTEMPTS + " times");
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

    private static SourceMetadata metadata(Path file, FileVersion version) {
        Instant modified = version.modified().toInstant().truncatedTo(ChronoUnit.SECONDS);
        String contentType = URLConnection.getFileNameMap().getContentTypeFor(file.getFileName().toString());
        return new SourceMetadata(version.tag(), modified, contentType);
    }

    /**
     * What identifies one version of a file without reading it.
     *
     * @param changed the inode change time, or null where the platform has none
     * @param fileKey device and inode, or what the platform has instead, or null
     */
    record FileVersion(long size, FileTime modified, FileTime changed, String fileKey) {

        private static final String UNIX_ATTRIBUTES = "unix:size,lastModifiedTime,ctime,dev,ino";

        /** One {@code stat} of the file (already resolved, so symbolic links are not followed). */
        static FileVersion of(Path file) throws IOException {
            try {
                Map<String, Object> unix = Files.readAttributes(file, UNIX_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                return new FileVersion((Long) unix.get("size"), (FileTime) unix.get("lastModifiedTime"),
                        (FileTime) unix.get("ctime"), "dev=" + unix.get("dev") + ",ino=" + unix.get("ino"));
            } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
                BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                Object key = basic.fileKey();
                return new FileVersion(basic.size(), basic.lastModifiedTime(), null, key == null ? null : key.toString());
            }
        }

        /** An opaque tag: a digest, so that inode numbers and exact times are not published. */
        String tag() {
            String text = size + "/" + nanos(modified) + "/" + (changed == null ? "-" : nanos(changed)) + "/"
                    + (fileKey == null ? "-" : fileKey);
            byte[] digest = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, TAG_BYTES);
        }

        private static long nanos(FileTime time) {
            return time.to(TimeUnit.NANOSECONDS);
        }
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
