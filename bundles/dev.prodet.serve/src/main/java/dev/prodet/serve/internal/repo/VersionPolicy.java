package dev.prodet.serve.internal.repo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which versions of a model to serve (Triton's {@code version_policy}): {@code latest} or {@code latest:N} (the N
 * newest versions that load), {@code all}, or {@code specific:1,3}. "Latest" counts loadable versions, so a broken
 * newest version leaves the previous one serving.
 *
 * @param kind latest, all or specific
 * @param count how many for latest
 * @param versions the versions for specific
 */
public record VersionPolicy(Kind kind, int count, Set<String> versions) {

    /** The policy kinds. */
    public enum Kind {
        /** The newest {@code count} loadable versions. */
        LATEST,
        /** Every version. */
        ALL,
        /** The named versions. */
        SPECIFIC
    }

    /** The newest version only. */
    public static final VersionPolicy LATEST = new VersionPolicy(Kind.LATEST, 1, Set.of());

    /** Validates and copies. */
    public VersionPolicy {
        TreeSet<String> sorted = new TreeSet<>(VersionOrder.INSTANCE);
        sorted.addAll(versions);
        versions = Collections.unmodifiableSet(sorted);
        if (kind == Kind.LATEST && count < 1) {
            throw new IllegalArgumentException("version policy latest:N needs N >= 1, got " + count);
        }
        if (kind == Kind.SPECIFIC && versions.isEmpty()) {
            throw new IllegalArgumentException("version policy specific needs versions, e.g. specific:1,3");
        }
    }

    /** Parses {@code latest}, {@code latest:N}, {@code all} or {@code specific:V1,V2}. */
    public static VersionPolicy parse(String text) {
        String t = text == null ? "" : text.trim();
        int colon = t.indexOf(':');
        String head = colon < 0 ? t : t.substring(0, colon);
        String arg = colon < 0 ? null : t.substring(colon + 1).trim();
        switch (head) {
            case "latest":
                if (arg == null) {
                    return LATEST;
                }
                try {
                    return new VersionPolicy(Kind.LATEST, Integer.parseInt(arg), Set.of());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("version policy latest:N needs a number, got '" + t + "'");
                }
            case "all":
                return new VersionPolicy(Kind.ALL, 0, Set.of());
            case "specific":
                Set<String> vs = new LinkedHashSet<>();
                for (String v : (arg == null ? "" : arg).split(",")) {
                    if (!v.isBlank()) {
                        vs.add(v.trim());
                    }
                }
                return new VersionPolicy(Kind.SPECIFIC, 0, vs);
            default:
                throw new IllegalArgumentException(
                        "unknown version policy '" + t + "'; use latest, latest:N, all or specific:V1,V2");
        }
    }

    /** Versions worth trying, in the order to try them (newest first), from versions sorted oldest first. */
    public List<String> candidates(List<String> sortedOldestFirst) {
        List<String> out = new ArrayList<>();
        for (int i = sortedOldestFirst.size() - 1; i >= 0; i--) {
            String v = sortedOldestFirst.get(i);
            if (kind != Kind.SPECIFIC || versions.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** How many ready versions to keep; {@code Integer.MAX_VALUE} for all and specific. */
    public int keep() {
        return kind == Kind.LATEST ? count : Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case LATEST -> count == 1 ? "latest" : "latest:" + count;
            case ALL -> "all";
            case SPECIFIC -> "specific:" + String.join(",", versions);
        };
    }
}
