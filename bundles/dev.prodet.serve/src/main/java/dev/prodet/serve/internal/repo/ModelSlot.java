package dev.prodet.serve.internal.repo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One model name: the versions serving now (an immutable map replaced in one volatile write, so a request sees
 * either the old set or the new one) and, guarded by the repository's lock, what happened to each version.
 */
final class ModelSlot {
    final String name;
    private volatile NavigableMap<String, ServedVersion> serving =
            Collections.unmodifiableNavigableMap(new TreeMap<>(VersionOrder.INSTANCE));
    /** Last status of each version touched; guarded by the repository. */
    final Map<String, VersionStatus> records = new TreeMap<>(VersionOrder.INSTANCE);
    /** Fingerprint of the files of each version that failed to load; guarded by the repository. */
    final Map<String, String> failedFiles = new TreeMap<>(VersionOrder.INSTANCE);
    /** Unloaded versions not closed yet; guarded by the repository. */
    final List<ServedVersion> draining = new ArrayList<>();

    ModelSlot(String name) {
        this.name = name;
    }

    NavigableMap<String, ServedVersion> serving() {
        return serving;
    }

    void publish(NavigableMap<String, ServedVersion> next) {
        TreeMap<String, ServedVersion> copy = new TreeMap<>(VersionOrder.INSTANCE);
        copy.putAll(next);
        serving = Collections.unmodifiableNavigableMap(copy);
    }

    /**
     * A lease on the named version, or on the latest serving one when {@code version} is null; null when none
     * serves. A version closed between reading the map and leasing it is retried on the newer map.
     */
    Lease acquire(String version) {
        for (int attempt = 0; attempt < 16; attempt++) {
            NavigableMap<String, ServedVersion> snap = serving;
            ServedVersion sv;
            if (version == null) {
                Map.Entry<String, ServedVersion> last = snap.lastEntry();
                sv = last == null ? null : last.getValue();
            } else {
                sv = snap.get(version);
            }
            if (sv == null) {
                return null;
            }
            Lease lease = sv.tryAcquire();
            if (lease != null) {
                return lease;
            }
            Thread.onSpinWait();
        }
        return null;
    }
}
