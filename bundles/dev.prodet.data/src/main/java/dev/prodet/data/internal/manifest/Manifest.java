package dev.prodet.data.internal.manifest;

import java.util.List;

/**
 * A prepared dataset: which preprocessing made the crops, how many frames per video were sampled, and every video
 * with its faces. All paths are relative (to {@code sourceRoot} for sources, to the manifest's folder for crops),
 * so a dataset folder can move between machines.
 *
 * @param format always {@value #FORMAT}
 * @param name dataset name
 * @param sourceRoot the folder the sources were read from, as given when preparing (informational)
 * @param preprocessorId id of the face preprocessor that made the crops
 * @param preprocessorVersion its version
 * @param framesPerVideo frames sampled per video
 * @param videos the videos, in a stable order
 */
public record Manifest(
        String format,
        String name,
        String sourceRoot,
        String preprocessorId,
        String preprocessorVersion,
        int framesPerVideo,
        List<VideoEntry> videos) {

    /** The format tag of this manifest version. */
    public static final String FORMAT = "prodet-dataset-manifest/1";
    /** File name of the manifest inside a dataset folder. */
    public static final String FILE = "manifest.json";

    /** Validates the format tag and copies the list. */
    public Manifest {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException(
                    "not a ProDet dataset manifest: format '" + format + "', expected '" + FORMAT + "'");
        }
        videos = List.copyOf(videos);
    }

    /** Number of faces over all videos. */
    public int faceCount() {
        return videos.stream().mapToInt(v -> v.frames().size()).sum();
    }
}
