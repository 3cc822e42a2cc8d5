package dev.prodet.api.home;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The workspace: the folder that relative experiment, run, data and model paths of the commands resolve against (the
 * repository root under {@code ./prodet}). It is the framework or system property {@value #PROPERTY}, else the
 * process's working directory.
 *
 * @since 1.1
 */
public final class Workspace {

    /** Framework or system property naming the workspace folder. */
    public static final String PROPERTY = "prodet.workspace";

    private Workspace() {}

    /**
     * The workspace from {@code properties} (e.g. {@code BundleContext::getProperty}, which falls back to system
     * properties); the working directory when {@value #PROPERTY} is not set.
     */
    public static Path folder(UnaryOperator<String> properties) {
        String value = properties.apply(PROPERTY);
        return Path.of(value == null ? System.getProperty("user.dir") : value);
    }
}
