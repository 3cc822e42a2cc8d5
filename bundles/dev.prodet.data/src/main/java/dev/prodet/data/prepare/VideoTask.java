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
 */
public record VideoTask(
        String file,
        String relativePath,
        String videoId,
        String identity,
        String label,
        String split,
        String out,
        int framesPerVideo)
        implements Serializable {
    private static final long serialVersionUID = 1L;
}
