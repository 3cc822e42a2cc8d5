package dev.prodet.data.internal.source;

import dev.prodet.api.data.Label;
import dev.prodet.api.data.Split;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * One source file to prepare: a video, or a still image treated as a one-frame video.
 *
 * @param file the file
 * @param relativePath its path relative to the dataset root, {@code /} separators
 * @param videoId dataset-unique id
 * @param identity id of the person shown (donor selection keeps identities apart)
 * @param label real or fake
 * @param split train, val or test
 * @param original for a manipulated video, the id of the real video it was made from (whose background and timing
 *     it keeps); {@code null} otherwise
 * @param method for a manipulated video, its manipulation method (e.g. {@code Deepfakes}); {@code null} otherwise
 * @param allFaces for a still: keep every face of it (a group photo), largest first, as its frames; otherwise only
 *     the largest face of each frame is kept, as DeepfakeBench does
 */
public record SourceItem(
        Path file,
        String relativePath,
        String videoId,
        String identity,
        Label label,
        Split split,
        String original,
        String method,
        boolean allFaces) {

    /** A source that is no manipulation of another, whose largest face per frame is kept. */
    public SourceItem(Path file, String relativePath, String videoId, String identity, Label label, Split split) {
        this(file, relativePath, videoId, identity, label, split, null, null, false);
    }

    /** Both or neither of {@code original} and {@code method}. */
    public SourceItem {
        if ((original == null) != (method == null)) {
            throw new IllegalArgumentException("SourceItem " + relativePath + ": original and method go together, got "
                    + original + ", " + method);
        }
    }

    private static final Set<String> STILLS = Set.of("png", "jpg", "jpeg", "bmp");

    /** Whether the file is a still image (by extension) rather than a video. */
    public boolean isStill() {
        return isStill(file);
    }

    /** Whether a file is a still image (by extension) rather than a video. */
    public static boolean isStill(Path file) {
        return STILLS.contains(extension(String.valueOf(file.getFileName())));
    }

    /** Lower-case extension without the dot, or empty. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
