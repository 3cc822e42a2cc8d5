package dev.prodet.train.api;

import java.util.Collections;
import java.util.Map;

/** The map check the records of this package share: every entry named and non-null, kept as an unmodifiable copy. */
final class NamedEntries {
    private NamedEntries() {}

    /**
     * Copies {@code map} into {@code into} (which gives the order) and returns it unmodifiable.
     *
     * @param field the record and component, e.g. {@code StepLoss.components}, for the messages
     */
    static <V> Map<String, V> copy(String field, Map<String, V> map, Map<String, V> into) {
        if (map == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        map.forEach((k, v) -> {
            if (k == null || k.isBlank() || v == null) {
                throw new IllegalArgumentException(field + " entries need a name and a value, got: " + k + "=" + v);
            }
            into.put(k, v);
        });
        return Collections.unmodifiableMap(into);
    }
}
