package dev.prodet.data.internal.source;

import java.util.List;

/** The dataset layouts by their command-line name ({@code --dataset NAME}). */
public final class SourceAdapters {

    /** Names {@link #byName} accepts. */
    public static final List<String> NAMES = List.of("ffpp", "celebdf", "folder");

    private SourceAdapters() {}

    /**
     * The adapter of a layout.
     *
     * @param compression FaceForensics++ compression ({@code c0}, {@code c23}, {@code c40}); ignored otherwise
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static SourceAdapter byName(String name, String compression) {
        return switch (name) {
            case "ffpp" -> new FaceForensicsAdapter(compression);
            case "celebdf" -> new CelebDfAdapter();
            case "folder" -> new FolderAdapter();
            default ->
                throw new IllegalArgumentException(
                        "unknown dataset layout '" + name + "'; use " + String.join(", ", NAMES));
        };
    }
}
