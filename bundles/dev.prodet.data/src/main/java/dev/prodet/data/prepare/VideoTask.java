package dev.prodet.data.prepare;

import java.io.Serializable;

/**
 * One source video (or still) to prepare, in a form that can be shipped to another machine. Paths are as the
 * machine that planned the work sees them; a cluster needs them on a shared file system.
 *
 * @param file the source file
 * @param relativePath its path relative to the dataset root, {@code /} separators
 * @param videoId dataset-unique id
 * @param identity id of the person shown
 * @param label {@code REAL} or {@code FAKE}
 * @param split {@code train}, {@code val} or {@code test}
 * @param out the dataset folder the crops go to
 * @param framesPerVideo frames sampled per video
 * @param original for a manipulated video, the id of the real video it was made from; {@code null} otherwise
 * @param method for a manipulated video, its manipulation method; {@code null} otherwise
 * @param allFaces for a still: keep every face (a group photo), not only the largest
 */
public record VideoTask(
        String file,
        String relativePath,
        String videoId,
        String identity,
        String label,
        String split,
        String out,
        int framesPerVideo,
        String original,
        String method,
        boolean allFaces)
        implements Serializable {
    private static final long serialVersionUID = 2L;

    /** A video that is no manipulation of another, largest face per frame (the constructor of 1.0). */
    public VideoTask(
            String file,
            String relativePath,
            String videoId,
            String identity,
            String label,
            String split,
            String out,
            int framesPerVideo) {
        this(file, relativePath, videoId, identity, label, split, out, framesPerVideo, null, null, false);
    }
}
