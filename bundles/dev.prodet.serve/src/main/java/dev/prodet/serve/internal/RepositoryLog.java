package dev.prodet.serve.internal;

import dev.prodet.serve.internal.repo.RepositoryEvents;
import dev.prodet.serve.internal.repo.VersionStatus;
import java.io.PrintStream;

/** Writes repository events to the console, one line each, as the other ProDet bundles do. */
final class RepositoryLog implements RepositoryEvents {
    private final PrintStream out;

    RepositoryLog(PrintStream out) {
        this.out = out;
    }

    @Override
    public void loaded(VersionStatus s) {
        out.println("[prodet-serve] model " + s.name() + " version " + s.version() + " ready on " + s.provider());
    }

    @Override
    public void failed(VersionStatus s) {
        out.println("[prodet-serve] model " + s.name() + " version " + s.version()
                + " NOT loaded (serving versions are unchanged): " + s.message());
    }

    @Override
    public void unloaded(VersionStatus s) {
        out.println("[prodet-serve] model " + s.name() + " version " + s.version() + " unloaded (" + s.message() + "); "
                + s.inFlight() + " request(s) still running on it");
    }
}
