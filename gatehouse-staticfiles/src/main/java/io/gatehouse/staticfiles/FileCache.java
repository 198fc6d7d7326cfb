package io.gatehouse.staticfiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What a request for a file needs beyond its attributes, kept between requests: the validators as
 * header text and, for a small file, its bytes. Every entry is checked against the attributes the
 * request has just read (one lstat, see {@link DocumentRoot#find}): a different file key (device
 * and inode: the file was replaced, as by an atomic rename), size or modification time makes a new
 * entry, so an edited file is served fresh on the next request.
 *
 * {@snippet :
 * FileCache.Entry entry = cache.entry(path, attributes, null);
 * entry.etag();       // "\"1000-18f0c5a1b20\""
 * entry.content();    // the bytes of a small, settled file, else null: read it from disk
 * }
 *
 * <p>Bytes are kept only for a file of at most {@link #MAX_CONTENT} bytes that was last modified
 * more than {@link #SETTLE_MILLIS} ago: file systems stamp times coarsely (a few milliseconds), so a
 * file rewritten at the same size within one tick of being read would keep its time, and the stale
 * bytes would never be noticed (the "racy" case Git's index handles the same way). Bytes whose file
 * changed while they were read are not kept. A change that keeps the inode, the size and the time
 * (a same-size rewrite followed by restoring the old time on purpose) is not seen, as with make or
 * rsync's quick check. Bounded: at most {@link #MAX_ENTRIES} entries and {@link #MAX_BYTES} bytes of
 * content; when full, arbitrary entries go, so the hot path keeps no recency bookkeeping.
 */
final class FileCache {

    /** The largest file whose bytes are kept: it leaves with its head in one write. */
    static final int MAX_CONTENT = 64 * 1024;
    /** How long after its last change a file's bytes may be kept. */
    static final long SETTLE_MILLIS = 2000;
    static final int MAX_ENTRIES = 4096;
    static final long MAX_BYTES = 16L * 1024 * 1024;

    /**
     * By file and coding: {@code a.css.gz} asked for by name and served as the gzip variant of
     * {@code a.css} are two representations with different tags.
     */
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong contentBytes = new AtomicLong();
    /** Milliseconds since the epoch, as file times count. */
    private final LongSupplier clock;

    FileCache() {
        this(System::currentTimeMillis);
    }

    /** @param clock the wall clock (a test's own) */
    FileCache(LongSupplier clock) {
        this.clock = clock;
    }

    private record Key(Path file, String coding) {
    }

    /**
     * One file as last seen.
     *
     * @param fileKey      device and inode, or null where the file system has none
     * @param size         its size
     * @param modified     its modification time
     * @param etag         the entity tag, quoted
     * @param lastModified the modification time as an HTTP date
     * @param content      its bytes, or null when they are to be read from disk
     */
    record Entry(Object fileKey, long size, FileTime modified, String etag, String lastModified, byte[] content) {

        boolean describes(BasicFileAttributes attributes) {
            return attributes.size() == size && attributes.lastModifiedTime().equals(modified)
                && Objects.equals(attributes.fileKey(), fileKey);
        }

        Instant modifiedInstant() {
            return modified.toInstant();
        }
    }

    /**
     * @param file       a regular file
     * @param attributes its attributes, just read
     * @param coding     the content coding of this file (a precompressed sibling), or null
     * @return the entry describing the file as those attributes say it is
     */
    Entry entry(Path file, BasicFileAttributes attributes, String coding) {
        Key key = new Key(file, coding);
        Entry known = entries.get(key);
        // An entry without bytes is read again once its file has settled: a file served just after
        // it was written gets its bytes kept a little later.
        if (known != null && known.describes(attributes) && (known.content() != null || !keepsBytes(attributes))) {
            return known;
        }
        long size = attributes.size();
        FileTime modified = attributes.lastModifiedTime();
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified.toMillis())
            + (coding == null ? "" : "-" + coding) + "\"";
        Entry fresh = new Entry(attributes.fileKey(), size, modified, etag,
            HttpDate.format(modified.toInstant()), settledContent(file, attributes));
        keep(key, fresh);
        return fresh;
    }

    /** @return how many files are described */
    int size() {
        return entries.size();
    }

    /** @return the bytes of content held */
    long contentBytes() {
        return contentBytes.get();
    }

    private void keep(Key key, Entry entry) {
        Entry replaced = entries.put(key, entry);
        long added = length(entry) - (replaced == null ? 0 : length(replaced));
        if (contentBytes.addAndGet(added) <= MAX_BYTES && entries.size() <= MAX_ENTRIES) {
            return;
        }
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext() && (contentBytes.get() > MAX_BYTES || entries.size() > MAX_ENTRIES)) {
            Entry evicted = it.next();
            it.remove();
            contentBytes.addAndGet(-length(evicted));
        }
    }

    private static long length(Entry entry) {
        return entry.content() == null ? 0 : entry.content().length;
    }

    /** Whether the file is small enough and has been left alone long enough for its bytes to be kept. */
    private boolean keepsBytes(BasicFileAttributes attributes) {
        return attributes.size() <= MAX_CONTENT
            && attributes.lastModifiedTime().toMillis() <= clock.getAsLong() - SETTLE_MILLIS;
    }

    /** The file's bytes when it is small and settled and did not change while being read; else null. */
    private byte[] settledContent(Path file, BasicFileAttributes attributes) {
        long size = attributes.size();
        if (!keepsBytes(attributes)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer bytes = ByteBuffer.allocate((int) size + 1); // one more: a file that grew shows it
            while (channel.read(bytes) > 0 && bytes.hasRemaining()) {
                // read on: the channel may return fewer bytes than asked
            }
            BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
            boolean unchanged = bytes.position() == size && after.size() == size
                && after.lastModifiedTime().equals(attributes.lastModifiedTime())
                && Objects.equals(after.fileKey(), attributes.fileKey());
            return unchanged ? Arrays.copyOf(bytes.array(), (int) size) : null;
        } catch (IOException e) {
            return null; // served from disk then, where the error shows
        }
    }
}
