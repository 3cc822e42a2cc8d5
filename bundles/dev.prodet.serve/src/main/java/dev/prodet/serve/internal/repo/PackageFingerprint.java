package dev.prodet.serve.internal.repo;

import dev.prodet.api.model.ModelPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Size and modification time of a package's two files. A version is (re)loaded when its fingerprint changes, so a
 * failed version is not retried on every poll, and a package still being written (a file changed less than the
 * settle time ago) is left alone until it is quiet.
 */
final class PackageFingerprint {
    private PackageFingerprint() {}

    /** The fingerprint, or {@code null} while a file changed within {@code settleMillis} of {@code now}. */
    static String of(Path versionDir, long settleMillis, long now) {
        StringBuilder sb = new StringBuilder();
        long newest = Long.MIN_VALUE;
        for (String f : new String[] {ModelPackage.METADATA_FILE, ModelPackage.MODEL_FILE}) {
            try {
                BasicFileAttributes a = Files.readAttributes(versionDir.resolve(f), BasicFileAttributes.class);
                long mtime = a.lastModifiedTime().toMillis();
                newest = Math.max(newest, mtime);
                sb.append(f)
                        .append(':')
                        .append(a.size())
                        .append('@')
                        .append(a.lastModifiedTime())
                        .append(';');
            } catch (NoSuchFileException e) {
                sb.append(f).append(":missing;");
            } catch (IOException e) {
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
}
