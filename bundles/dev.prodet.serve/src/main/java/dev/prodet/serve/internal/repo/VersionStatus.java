package dev.prodet.serve.internal.repo;

/**
 * What the repository knows about one model version, for health, metadata, metrics and the console.
 *
 * @param name model name
 * @param version version name
 * @param state {@link State}
 * @param provider the execution provider when loaded, else empty
 * @param inFlight requests running on it now
 * @param message why it failed or was unloaded; empty when ready
 * @param since when it entered this state, epoch milliseconds
 */
public record VersionStatus(
        String name, String version, State state, String provider, int inFlight, String message, long since) {

    /** Life cycle of a version in the repository. */
    public enum State {
        /** Loaded and serving. */
        READY,
        /** Refused or failed to load; the previous versions keep serving. */
        FAILED,
        /** Unloaded (policy, explicit unload, or replaced); closed once its in-flight requests end. */
        UNLOADED
    }
}
