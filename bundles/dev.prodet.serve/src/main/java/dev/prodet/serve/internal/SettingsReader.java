package dev.prodet.serve.internal;

import java.util.function.Function;

/**
 * Reads one setting: the configuration ({@code dev.prodet.serve}) first, then the framework property
 * {@code prodet.serve.<key>}, then the default. Bad values fail with a message naming the key.
 */
record SettingsReader(Function<String, Object> config, Function<String, String> framework) {
    /** Framework property prefix. */
    static final String PREFIX = "prodet.serve.";

    Object raw(String key) {
        Object v = config.apply(key);
        return v != null ? v : framework.apply(PREFIX + key);
    }

    /** Where a key was set: {@code configuration}, {@code framework property} or null when unset. */
    String source(String key) {
        return config.apply(key) != null ? "configuration" : framework.apply(PREFIX + key) != null ? "property" : null;
    }

    String text(String key, String dflt) {
        Object v = raw(key);
        return v == null ? dflt : v.toString().trim();
    }

    long num(String key, long dflt) {
        Object v = raw(key);
        if (v == null || v.toString().isBlank()) {
            return dflt;
        }
        try {
            long n = v instanceof Number num
                    ? num.longValue()
                    : Long.parseLong(v.toString().trim());
            if (n < 0) {
                throw new NumberFormatException("negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number >= 0, got '" + v + "'");
        }
    }

    int count(String key, long dflt) {
        long n = num(key, dflt);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("setting " + key + " is too large: " + n);
        }
        return (int) n;
    }

    /** A size in bytes: a number, optionally with k, m or g (powers of 1024), e.g. {@code 512m}. */
    long bytes(String key, long dflt) {
        Object v = raw(key);
        if (v == null || v.toString().isBlank() || v instanceof Number) {
            return num(key, dflt);
        }
        String s = v.toString().trim().toLowerCase(java.util.Locale.ROOT);
        int shift =
                switch (s.charAt(s.length() - 1)) {
                    case 'k' -> 10;
                    case 'm' -> 20;
                    case 'g' -> 30;
                    default -> 0;
                };
        try {
            long n = Long.parseLong(shift == 0 ? s : s.substring(0, s.length() - 1));
            if (n < 0 || n > Long.MAX_VALUE >> shift) {
                throw new NumberFormatException("out of range");
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "setting " + key + " must be a size in bytes such as 1048576, 512k, 64m or 2g, got '" + v + "'");
        }
    }

    boolean bool(String key, boolean dflt) {
        Object v = raw(key);
        if (v == null || v.toString().isBlank()) {
            return dflt;
        }
        String s = v.toString().trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return s.equals("true");
        }
        throw new IllegalArgumentException("setting " + key + " must be true or false, got '" + v + "'");
    }
}
