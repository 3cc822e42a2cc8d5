package dev.prodet.data.internal.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Small file-tree helpers shared by the adapters. */
final class Walk {

    /** Extensions of the media files the adapters pick up. */
    static final Set<String> MEDIA = Set.of("mp4", "avi", "mov", "mkv", "webm", "png", "jpg", "jpeg", "bmp");

    private Walk() {}

    /** Media files under {@code dir}, recursively, sorted by path. */
    static List<Path> media(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> MEDIA.contains(SourceItem.extension(String.valueOf(p.getFileName()))))
                    .sorted()
                    .toList();
        }
    }

    /** Path of {@code file} relative to {@code root} with {@code /} separators. */
    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** File name without its extension. */
    static String stem(Path file) {
        String n = String.valueOf(file.getFileName());
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }

    /** Fails with a message naming the directory when it is missing. */
    static Path requireDir(Path dir, String what) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(what + " not found: " + dir);
        }
        return dir;
    }
}
