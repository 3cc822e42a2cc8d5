package dev.prodet.cli.internal;

import java.util.List;
import java.util.Map;

/**
 * Swaps of plugins that training runs hold themselves instead of through a component reference: each run has its
 * own regularizer strategy, so a regularizer swap is addressed to one run. Offered only where a trainer runs (this
 * interface keeps the rest of the bundle free of the training API, which the edge runtime does not have).
 */
interface RunSwaps {

    /** Whether runs hold plugins of this kind. */
    boolean holds(String kind);

    /**
     * Asks a run to use the plugin {@code name} from its next step boundary and waits up to {@code waitMillis} for
     * the boundary.
     *
     * @param runId the run, or {@code null} for the only run that is going
     * @return one line saying what was done, containing {@code "-> NAME"}
     * @throws IllegalArgumentException for an unknown plugin or run, or when several runs are going and none is
     *     named
     * @throws IllegalStateException when no run is going, or the named one has ended
     */
    String swap(String kind, String name, String runId, long waitMillis) throws InterruptedException;

    /** Plugin names in use by the runs that are going, by kind (for the plugin table). */
    Map<String, List<String>> inUse();
}
