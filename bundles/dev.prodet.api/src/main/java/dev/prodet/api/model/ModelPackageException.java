package dev.prodet.api.model;

import java.nio.file.Path;

/**
 * A model package cannot be used: a file is missing or unreadable, {@code model.json} is invalid, the checksum of
 * {@code model.onnx} does not match, or the package was made for another face preprocessing. The message names the
 * file and what is wrong with it.
 */
public class ModelPackageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path path;

    /**
     * @param message what is wrong, naming the file
     * @param path the offending file or package directory
     */
    public ModelPackageException(String message, Path path) {
        super(message);
        this.path = path;
    }

    /**
     * @param message what is wrong, naming the file
     * @param path the offending file or package directory
     * @param cause the underlying error
     */
    public ModelPackageException(String message, Path path, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The offending file or package directory. */
    public Path path() {
        return path;
    }
}
