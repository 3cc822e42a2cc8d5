package dev.prodet.data.internal.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes {@code manifest.json} (and other small JSON files of a dataset folder). */
public final class ManifestIo {

    // unknown fields are ignored so that an older reader can open a newer manifest that only added fields
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ManifestIo() {}

    /**
     * Reads the manifest of a dataset folder.
     *
     * @throws IOException when it is missing or not a valid manifest; the message names the file
     */
    public static Manifest read(Path datasetDir) throws IOException {
        Path file = datasetDir.resolve(Manifest.FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no dataset manifest at " + file + "; prepare the dataset first "
                    + "(./prodet data prepare or ./prodet data sample)");
        }
        try {
            return JSON.readValue(file.toFile(), Manifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("cannot read dataset manifest " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the manifest atomically (temporary file, then rename), so a crash never leaves half a manifest. */
    public static void write(Path datasetDir, Manifest manifest) throws IOException {
        writeJson(datasetDir.resolve(Manifest.FILE), manifest);
    }

    /** One video entry as JSON, to ship it between machines. */
    public static String toJson(VideoEntry entry) {
        try {
            return JSON.writeValueAsString(entry);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a video entry as JSON: " + e.getMessage(), e);
        }
    }

    /** A video entry written by {@link #toJson(VideoEntry)}. */
    public static VideoEntry entryFromJson(String json) throws IOException {
        return JSON.readValue(json, VideoEntry.class);
    }

    /** Writes any value as indented JSON, atomically. */
    public static void writeJson(Path file, Object value) throws IOException {
        Files.createDirectories(
                java.util.Objects.requireNonNull(file.toAbsolutePath().getParent()));
        Path tmp = file.resolveSibling(String.valueOf(file.getFileName()) + ".tmp");
        JSON.writeValue(tmp.toFile(), value);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
