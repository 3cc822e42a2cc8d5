package dev.prodet.data.prepare;

import java.util.List;

/**
 * The outcome of a preparation run, as {@code report.json} records it.
 *
 * @param prepared videos prepared in this run
 * @param upToDate videos whose crops were already there and whose source was unchanged
 * @param faces faces kept in this run
 * @param failures every failed source as {@code path: reason}, ordered by path
 * @param text the multi-line console summary
 */
public record PreparationSummary(int prepared, int upToDate, int faces, List<String> failures, String text) {

    /** Copies the list. */
    public PreparationSummary {
        failures = List.copyOf(failures);
    }

    /** Whether every source was prepared or already up to date. */
    public boolean ok() {
        return failures.isEmpty();
    }
}
