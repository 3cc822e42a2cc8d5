package dev.prodet.train.djl.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Checks the keys of a config tree against the record types it binds to, before binding, so that a misspelt key is
 * reported as such (with the closest known key) rather than as the missing key it was meant to be. Components marked
 * {@link OptionalKey} may be left out.
 */
final class KeyCheck {
    private KeyCheck() {}

    static void check(JsonNode node, Class<?> type, String prefix, Path file) {
        if (!type.isRecord() || !node.isObject()) {
            return;
        }
        List<String> known = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            known.add(c.getName());
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + prefix + key + "' in " + file + closest(key, known)
                        + "; known keys there: " + known);
            }
        }
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode child = node.get(c.getName());
            if ((child == null || child.isNull()) && c.isAnnotationPresent(OptionalKey.class)) {
                // bound as null; Jackson's missing-creator-property check needs the key present
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).putNull(c.getName());
                continue;
            }
            if (child == null || child.isNull()) {
                throw new IllegalArgumentException("missing key '" + prefix + c.getName() + "' in " + file);
            }
            check(child, c.getType(), prefix + c.getName() + ".", file);
        }
    }

    private static String closest(String key, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key.toLowerCase(), k.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= 3 ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
