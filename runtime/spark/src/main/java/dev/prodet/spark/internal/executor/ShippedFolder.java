package dev.prodet.spark.internal.executor;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A folder of files the executors need (the face models, a model package). In local mode executors run in the
 * driver's JVM and read the folder in place. On a cluster the files travel as one broadcast variable (Spark's
 * peer-to-peer distribution, fetched once per executor) and are written into a local folder once per executor JVM,
 * so a cluster needs no shared file system for them.
 *
 * @param driverDir the folder on the driver
 * @param files the files, relative to the folder, {@code /} separators
 * @param content the files' bytes by relative path, broadcast; {@code null} in local mode
 * @param tag names the folder's kind and version (e.g. the model's checksum); part of the local folder's name
 */
public record ShippedFolder(
        String driverDir, List<String> files, Broadcast<HashMap<String, byte[]>> content, String tag)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Path> WRITTEN = new ConcurrentHashMap<>();

    /**
     * Registers the folder with the job: broadcasts its files unless the master is local.
     *
     * @throws IOException when a file cannot be read on the driver
     */
    public static ShippedFolder of(JavaSparkContext sc, Path dir, List<String> files, String tag) throws IOException {
        Broadcast<HashMap<String, byte[]>> content = null;
        if (!sc.isLocal()) {
            HashMap<String, byte[]> bytes = new HashMap<>();
            for (String f : files) {
                bytes.put(f, Files.readAllBytes(dir.resolve(f)));
            }
            content = sc.broadcast(bytes);
        }
        return new ShippedFolder(dir.toAbsolutePath().toString(), List.copyOf(files), content, tag);
    }

    /** The folder as this JVM sees it. */
    public Path dir() {
        if (content == null) {
            return Path.of(driverDir);
        }
        return WRITTEN.computeIfAbsent(tag + "\u0000" + driverDir, k -> write());
    }

    private Path write() {
        try {
            Path root = Files.createTempDirectory("prodet-" + tag + "-");
            root.toFile().deleteOnExit(); // removed with the executor, after what is registered later
            for (Map.Entry<String, byte[]> e : content.value().entrySet()) {
                Path file = root.resolve(e.getKey()).normalize();
                Path folder = file.getParent();
                if (folder == null || !folder.startsWith(root)) {
                    throw new IOException("a shipped file must lie inside its folder: " + e.getKey());
                }
                for (Path d = folder; d != null && !d.equals(root) && !Files.exists(d); d = d.getParent()) {
                    d.toFile().deleteOnExit();
                }
                Files.createDirectories(folder);
                Files.write(file, e.getValue());
                file.toFile().deleteOnExit();
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the job's " + tag + " files here: " + e.getMessage(), e);
        }
    }
}
