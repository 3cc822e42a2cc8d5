package dev.prodet.export.onnx.internal;

import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.ModelPackageException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Publishes a package into a model repository that a runtime may be serving: the package is written whole into a
 * hidden folder beside its version folder (a runtime never takes a name starting with a dot for a version), then
 * renamed into place in one step, so a polling runtime sees either no package or the complete one, never a package
 * half written. An existing version is first renamed aside and deleted after the new one is in place.
 */
final class StagedPublish {
    /** Writes the package into the folder it is given. */
    interface Writer {
        ModelPackage write(Path dir) throws IOException;
    }

    private StagedPublish() {}

    /** Writes with {@code writer} into a staging folder, then renames it to {@code target}. */
    static ModelPackage publish(Path target, Writer writer) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IOException("cannot publish into the file-system root: " + target);
        }
        Files.createDirectories(parent);
        String tag = target.getFileName() + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path staging = parent.resolve(".staging-" + tag);
        try {
            writer.write(staging);
            Path aside = null;
            if (Files.exists(target)) {
                aside = parent.resolve(".replaced-" + tag);
                move(target, aside);
            }
            move(staging, target);
            if (aside != null) {
                delete(aside);
            }
            return ModelPackage.open(target);
        } catch (ModelPackageException e) {
            throw new IOException("the published package does not verify: " + e.getMessage(), e);
        } finally {
            delete(staging); // gone after the rename; left over only when writing failed
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot publish " + to + " atomically: " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
