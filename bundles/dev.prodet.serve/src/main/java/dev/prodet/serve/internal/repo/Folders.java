package dev.prodet.serve.internal.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Model and version folder names. A name starts with a letter or digit, so a package being staged in a hidden
 * folder beside the versions ({@code .staging-…}, as {@code prodet:export} writes it) is never taken for a version.
 */
final class Folders {
    static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private Folders() {}

    /** The sub-folders of {@code dir} with valid names, sorted; empty when it cannot be read. */
    static List<String> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new ArrayList<>();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> SEGMENT.matcher(n).matches())
                    .sorted()
                    .toList());
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }
}
