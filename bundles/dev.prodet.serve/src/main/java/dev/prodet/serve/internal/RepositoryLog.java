package dev.prodet.serve.internal;

import dev.prodet.serve.internal.repo.RepositoryEvents;
import dev.prodet.serve.internal.repo.VersionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs repository events: loads and unloads at INFO, a version that fails to load at WARN. */
final class RepositoryLog implements RepositoryEvents {
    private static final Logger LOG = LoggerFactory.getLogger("dev.prodet.serve.repository");

    @Override
    public void loaded(VersionStatus s) {
        LOG.info("model {} version {} ready on {}", s.name(), s.version(), s.provider());
    }

    @Override
    public void failed(VersionStatus s) {
        LOG.warn(
                "model {} version {} NOT loaded (serving versions are unchanged): {}",
                s.name(),
                s.version(),
                s.message());
    }

    @Override
    public void unloaded(VersionStatus s) {
        LOG.info(
                "model {} version {} unloaded ({}); {} request(s) still running on it",
                s.name(),
                s.version(),
                s.message(),
                s.inFlight());
    }
}
