package dev.prodet.api.model;

import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.io.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A model package directory: {@code model.onnx} and its {@code model.json}. An opened package has been checked: its
 * metadata is valid and the ONNX file has the recorded SHA-256.
 *
 * <p>Layout in a model repository: {@code <repo>/<name>/<version>/model.onnx} and {@code model.json}.
 */
public final class ModelPackage {

    /** File name of the network. */
    public static final String MODEL_FILE = "model.onnx";
    /** File name of the metadata. */
    public static final String METADATA_FILE = "model.json";

    private final Path dir;
    private final ModelMetadata metadata;

    private ModelPackage(Path dir, ModelMetadata metadata) {
        this.dir = dir;
        this.metadata = metadata;
    }

    /**
     * Opens and verifies a package: reads {@code model.json} strictly (unknown keys and missing fields are errors)
     * and checks the SHA-256 of {@code model.onnx}.
     *
     * @throws ModelPackageException naming the file when anything is missing, invalid or altered
     */
    public static ModelPackage open(Path dir) throws ModelPackageException {
        Path json = dir.resolve(METADATA_FILE);
        ModelMetadata md = ModelJson.read(json); // refuses a newer format version
        if (md.sha256() == null) {
            throw new ModelPackageException(json + " has no sha256 of " + MODEL_FILE, json);
        }
        Path onnx = dir.resolve(MODEL_FILE);
        String found;
        try {
            found = Sha256.of(onnx);
        } catch (NoSuchFileException e) {
            throw new ModelPackageException(
                    "checksum mismatch for " + onnx + ": expected " + md.sha256() + ", found no file", onnx, e);
        } catch (IOException e) {
            throw new ModelPackageException("cannot read " + onnx + ": " + e, onnx, e);
        }
        checkSum(onnx, md.sha256(), found);
        return new ModelPackage(dir, md);
    }

    /**
     * Writes a package: computes the SHA-256 of {@code onnx}, then writes {@code model.onnx} and {@code model.json},
     * each to a temporary file in {@code dir} that is synced and atomically renamed into place. The ONNX file goes
     * first, so a reader never sees new metadata with an old network; a reader between the two renames sees a
     * checksum mismatch and refuses the package rather than serving a wrong pairing.
     *
     * @param dir package directory, created if needed
     * @param md the metadata; its {@code sha256} is filled in (if set, it must equal the checksum of {@code onnx})
     * @param onnx the serialised ONNX model
     * @return the written package
     * @throws IOException when writing fails; no partial file is left under the final names
     */
    public static ModelPackage write(Path dir, ModelMetadata md, byte[] onnx) throws IOException {
        if (md == null || onnx == null) {
            throw new IllegalArgumentException("ModelPackage.write needs metadata and ONNX bytes, got: md=" + md
                    + ", onnx=" + (onnx == null ? "null" : onnx.length + " bytes"));
        }
        String sum = Sha256.of(onnx);
        if (md.sha256() != null && !md.sha256().equals(sum)) {
            throw new IllegalArgumentException(
                    "ModelMetadata.sha256 " + md.sha256() + " does not match the ONNX bytes given (" + sum + ")");
        }
        ModelMetadata withSum = md.withSha256(sum);
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(MODEL_FILE), onnx);
        writeAtomically(dir.resolve(METADATA_FILE), ModelJson.toBytes(withSum));
        return new ModelPackage(dir, withSum);
    }

    /**
     * Records another threshold and how it was chosen: rewrites {@code model.json} atomically (the ONNX file and its
     * checksum stay) and returns the re-opened package.
     *
     * @since 1.1
     */
    public ModelPackage withThreshold(double threshold, ThresholdChoice choice) throws IOException {
        ModelMetadata md = metadata.withThreshold(threshold, choice);
        writeAtomically(metadataFile(), ModelJson.toBytes(md));
        return new ModelPackage(dir, md);
    }

    /** The package directory. */
    public Path dir() {
        return dir;
    }

    /** The verified metadata. */
    public ModelMetadata metadata() {
        return metadata;
    }

    /** Path of {@code model.onnx}. */
    public Path modelFile() {
        return dir.resolve(MODEL_FILE);
    }

    /** Path of {@code model.json}. */
    public Path metadataFile() {
        return dir.resolve(METADATA_FILE);
    }

    /**
     * Reads {@code model.onnx} and checks these very bytes against the recorded checksum, so a file replaced after
     * {@link #open(Path)} is still refused. Use it to create inference sessions from memory.
     */
    public byte[] readModel() throws ModelPackageException {
        Path onnx = modelFile();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(onnx);
        } catch (IOException e) {
            throw new ModelPackageException("cannot read " + onnx + ": " + e, onnx, e);
        }
        checkSum(onnx, metadata.sha256(), Sha256.of(bytes));
        return bytes;
    }

    /**
     * Checks that this model was trained on crops from the given face preprocessing.
     *
     * @param expected the preprocessing the caller will apply to faces before running the model
     * @throws ModelPackageException when id or version differ
     */
    public void verifyPreprocessor(FacePreprocessorInfo expected) throws ModelPackageException {
        if (expected == null) {
            throw new IllegalArgumentException("expected face preprocessor must not be null");
        }
        FacePreprocessorInfo trained = metadata.preprocessing().facePreprocessor();
        if (!trained.equals(expected)) {
            throw new ModelPackageException(
                    "face preprocessor mismatch for model " + metadata.name() + " "
                            + metadata.version() + " (" + metadataFile() + "): it was trained on crops from " + trained
                            + " but would be fed crops from " + expected
                            + "; serve it with the same face preprocessing or retrain",
                    metadataFile());
        }
    }

    /** Lower-case hex SHA-256 of a byte array; the same as {@link Sha256#of(byte[])}. */
    public static String sha256(byte[] bytes) {
        return Sha256.of(bytes);
    }

    private static void checkSum(Path onnx, String expected, String found) throws ModelPackageException {
        if (!expected.equals(found)) {
            throw new ModelPackageException(
                    "checksum mismatch for " + onnx + ": expected " + expected + ", found " + found, onnx);
        }
    }

    // Not Files.createTempFile: it creates owner-only (0600) files, which a serving user could not read.
    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
