package dev.prodet.api.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** Argument checks shared by the metadata records, so that every message names the record, field and value. */
final class Checks {

    /** A name that is safe as one path segment: the repository layout is {@code <repo>/<name>/<version>/}. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Checks() {}

    static String text(String owner, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(owner + "." + field + " must not be empty, got: " + quote(value));
        }
        return value;
    }

    static String segment(String owner, String field, String value) {
        if (value == null || !SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException(owner + "." + field
                    + " must be letters, digits, '.', '_' or '-' (it names a directory), got: " + quote(value));
        }
        return value;
    }

    static <T> List<T> list(String owner, String field, List<T> value, boolean allowEmpty) {
        if (value == null) {
            throw new IllegalArgumentException(owner + "." + field + " must not be null");
        }
        if (!allowEmpty && value.isEmpty()) {
            throw new IllegalArgumentException(owner + "." + field + " must not be empty");
        }
        List<T> copy = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            T v = value.get(i);
            if (v == null || v instanceof String s && s.isBlank()) {
                throw new IllegalArgumentException(owner + "." + field + "[" + i + "] must not be empty, got: "
                        + (v == null ? "null" : "'" + v + "'"));
            }
            copy.add(v);
        }
        return Collections.unmodifiableList(copy);
    }

    static long atLeast(String owner, String field, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(owner + "." + field + " must be >= " + min + ", got: " + value);
        }
        return value;
    }

    static <T> T notNull(String owner, String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(owner + "." + field + " must not be null");
        }
        return value;
    }

    static double unit(String owner, String field, double value) {
        if (!(value >= 0 && value <= 1)) { // also rejects NaN
            throw new IllegalArgumentException(owner + "." + field + " must be in [0, 1], got: " + value);
        }
        return value;
    }

    /** A SHA-256 as {@link dev.prodet.api.io.Sha256} writes it, or {@code null} where {@code nullable}. */
    static String sha256(String owner, String field, String value, boolean nullable) {
        if (value == null ? !nullable : !SHA256.matcher(value).matches()) {
            throw new IllegalArgumentException(owner + "." + field + " must be 64 lower-case hex digits"
                    + (nullable ? " or null" : "") + ", got: " + quote(value));
        }
        return value;
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
