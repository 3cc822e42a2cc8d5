package dev.prodet.serve.internal.repo;

/** Observes the repository (metrics, log). Called on the repository's thread; must not block. */
public interface RepositoryEvents {

    /** A version is ready and serving. */
    default void loaded(VersionStatus status) {}

    /** A version failed to load; the versions serving before keep serving. */
    default void failed(VersionStatus status) {}

    /** A version stopped serving; it is closed when its in-flight requests end. */
    default void unloaded(VersionStatus status) {}

    /** A version's session was closed. */
    default void closed(String name, String version) {}

    /** Tells {@code a}, then {@code b}. */
    static RepositoryEvents both(RepositoryEvents a, RepositoryEvents b) {
        return new RepositoryEvents() {
            @Override
            public void loaded(VersionStatus s) {
                a.loaded(s);
                b.loaded(s);
            }

            @Override
            public void failed(VersionStatus s) {
                a.failed(s);
                b.failed(s);
            }

            @Override
            public void unloaded(VersionStatus s) {
                a.unloaded(s);
                b.unloaded(s);
            }

            @Override
            public void closed(String name, String version) {
                a.closed(name, version);
                b.closed(name, version);
            }
        };
    }

    /** Does nothing. */
    RepositoryEvents NONE = new RepositoryEvents() {};
}
