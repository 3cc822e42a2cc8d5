package dev.prodet.spark.internal.executor;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkFiles;

/**
 * A folder of files the executors need (the face models, a model package). In local mode executors run in the
 * driver's JVM and read the folder in place. On a cluster each file is shipped with {@link SparkContext#addFile}
 * and the folder is rebuilt once per executor JVM from links to the shipped copies; Spark ships single files, not
 * local folders.
 *
 * @param driverDir the folder on the driver
 * @param files the files, relative to the folder, {@code /} separators
 * @param shipped whether the files were added to the Spark context (false in local mode)
 * @param tag distinguishes folders whose files share names; part of the rebuilt folder's name
 */
public record ShippedFolder(String driverDir, List<String> files, boolean shipped, String tag) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Path> REBUILT = new ConcurrentHashMap<>();

    /** Registers the folder with the job: ships its files unless the master is local. */
    public static ShippedFolder of(SparkContext sc, Path dir, List<String> files, String tag) {
        boolean ship = !sc.isLocal();
        if (ship) {
            for (String f : files) {
                sc.addFile(dir.resolve(f).toAbsolutePath().toString());
            }
        }
        return new ShippedFolder(dir.toAbsolutePath().toString(), List.copyOf(files), ship, tag);
    }

    /** The folder as this JVM sees it. */
    public Path dir() {
        if (!shipped) {
            return Path.of(driverDir);
        }
        return REBUILT.computeIfAbsent(tag + "\u0000" + driverDir, k -> rebuild());
    }

    private Path rebuild() {
        try {
            Path root = Files.createTempDirectory(Path.of(SparkFiles.getRootDirectory()), "prodet-" + tag + "-");
            for (String f : files) {
                Path link = root.resolve(f);
                Files.createDirectories(link.getParent());
                String name = Path.of(f).getFileName().toString();
                Files.createSymbolicLink(link, Path.of(SparkFiles.get(name)));
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the shipped " + tag + " files: " + e.getMessage(), e);
        }
    }
}
