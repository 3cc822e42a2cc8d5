package dev.prodet.api.data;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens datasets of one layout (a folder of crops, FaceForensics++, Celeb-DF, ...). Implemented by dataset adapter
 * plugins.
 */
@ConsumerType
public interface DatasetProvider {

    /** Name of the layout this provider reads, e.g. {@code ffpp}; matches the plugin's name property. */
    String name();

    /**
     * Opens the dataset stored under {@code root}.
     *
     * @param root dataset root directory
     * @return the dataset
     * @throws IOException when the files cannot be read or do not follow this provider's layout; the message names
     *     the offending path
     */
    Dataset open(Path root) throws IOException;
}
