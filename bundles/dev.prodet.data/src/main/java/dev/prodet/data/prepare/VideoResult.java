package dev.prodet.data.prepare;

import java.io.Serializable;

/**
 * What preparing one {@link VideoTask} gave: the manifest entry (as JSON, the manifest's own format) or the reason
 * it failed.
 *
 * @param file the source file of the task
 * @param entryJson the video's manifest entry, {@code null} when it failed
 * @param failure why it failed, {@code null} when it succeeded
 */
public record VideoResult(String file, String entryJson, String failure) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Whether the video was prepared. */
    public boolean ok() {
        return failure == null;
    }
}
