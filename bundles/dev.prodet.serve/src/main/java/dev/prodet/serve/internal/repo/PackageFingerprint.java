package dev.prodet.serve.internal.repo;

import dev.prodet.api.model.ModelPackage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The content of a package's two files as SHA-256 digests. A version is (re)loaded when its fingerprint changes, so a
 * replacement of the same size and modification time (a copy that keeps times, a clock set back) is still seen, and
 * a failed version is not retried on every poll. A file's digest is computed again only when its size, modification
 * time, change time or identity (inode) changed: the change time cannot be set by a writer, so no rewrite slips
 * through, and a repository of large models is not read in full every poll. A package still being written (a file
 * changed less than the settle time ago) is left alone until it is quiet.
 */
final class PackageFingerprint {
    private record Stamp(long size, long modified, Object changed, Object identity) {}

    private record Known(Stamp stamp, String digest) {}

    private final Map<Path, Known> known = new ConcurrentHashMap<>();

    /** The fingerprint, or {@code null} while a file changed within {@code settleMillis} of {@code now}. */
    String of(Path versionDir, long settleMillis, long now) {
        StringBuilder sb = new StringBuilder();
        long newest = Long.MIN_VALUE;
        for (String f : new String[] {ModelPackage.METADATA_FILE, ModelPackage.MODEL_FILE}) {
            Path p = versionDir.resolve(f);
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                newest = Math.max(newest, a.lastModifiedTime().toMillis());
                Stamp stamp = new Stamp(a.size(), a.lastModifiedTime().toMillis(), changeTime(p), a.fileKey());
                sb.append(f).append(':').append(digest(p, stamp)).append(';');
            } catch (NoSuchFileException e) {
                known.remove(p);
                sb.append(f).append(":missing;");
            } catch (IOException e) {
                known.remove(p);
                sb.append(f).append(":unreadable;");
            }
        }
        try {
            newest = Math.max(newest, Files.getLastModifiedTime(versionDir).toMillis());
        } catch (IOException e) {
            return "gone";
        }
        return now - newest < settleMillis ? null : sb.toString();
    }

    /** Forgets files that are gone. */
    void prune() {
        known.keySet().removeIf(p -> !Files.exists(p));
    }

    private String digest(Path p, Stamp stamp) throws IOException {
        Known k = known.get(p);
        if (k != null && k.stamp().equals(stamp)) {
            return k.digest();
        }
        String d = sha256(p);
        known.put(p, new Known(stamp, d));
        return d;
    }

    private static Object changeTime(Path p) {
        try {
            return Files.getAttribute(p, "unix:ctime");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null; // not a POSIX file system: size, time and identity still count, and the digest at start
        }
    }

    static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }
}
