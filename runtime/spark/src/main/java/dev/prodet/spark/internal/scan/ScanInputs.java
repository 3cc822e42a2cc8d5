package dev.prodet.spark.internal.scan;

import dev.prodet.data.prepare.MediaFrames;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The items of a scan, listed on the driver: every image and video below a folder (by extension, in path order), or
 * the paths listed in a file (one per line; blank lines and {@code #} comments skipped; relative paths are relative
 * to the list's folder). A folder that cannot be read, or a listed path that does not exist, is kept as an item with
 * the reason, so the output reports it.
 */
public final class ScanInputs {

    private static final Set<String> VIDEOS = Set.of("mp4", "avi", "mov", "mkv", "webm", "m4v", "mpg", "mpeg", "wmv");

    private ScanInputs() {}

    /**
     * The items: source path to {@code null}, or to the reason it cannot be scanned.
     *
     * @throws IOException when the list file cannot be read
     */
    public static Map<String, String> list(Path input, Path listFile) throws IOException {
        Map<String, String> items = new TreeMap<>();
        if (input != null) {
            walk(input, items);
        }
        if (listFile != null) {
            Path base = listFile.toAbsolutePath().getParent();
            for (String line : Files.readAllLines(listFile)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                Path p = base.resolve(t).normalize();
                items.put(p.toString(), Files.exists(p) ? null : "no such file: " + p);
            }
        }
        return items;
    }

    /** Whether a file name is one a folder scan picks up. */
    static boolean isMedia(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return MediaFrames.isStill(file) || VIDEOS.contains(ext);
    }

    private static void walk(Path input, Map<String, String> items) throws IOException {
        Path root = input.toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            items.put(root.toString(), "no such file or folder: " + root);
            return;
        }
        if (!Files.isDirectory(root)) {
            items.put(root.toString(), null);
            return;
        }
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (Files.isRegularFile(file) && isMedia(file)) { // follows a linked file
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                items.put(
                        file.toString(),
                        "cannot read " + file + ": " + e.getClass().getSimpleName());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                if (e != null) {
                    items.put(dir.toString(), "cannot list folder " + dir + ": " + e.getMessage());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path f : found) {
            items.put(f.toString(), null);
        }
    }
}
