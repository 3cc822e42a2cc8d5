package dev.prodet.data.internal.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Lists the sources of one dataset layout. */
public interface SourceAdapter {

    /** Name used on the command line ({@code --dataset NAME}). */
    String name();

    /**
     * The dataset's sources in a stable order.
     *
     * @throws IOException when the root does not follow the layout; the message names the missing or bad path
     */
    List<SourceItem> list(Path root) throws IOException;
}
