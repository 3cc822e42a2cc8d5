package dev.prodet.train.djl.internal.config;

import java.nio.file.Path;
import java.util.Arrays;

/** Value checks whose messages name the config key. */
final class Require {
    private Require() {}

    static void text(String key, String v) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(key + " must be set");
        }
    }

    static void segment(String key, String v) {
        text(key, v);
        if (!v.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(key + " must be letters, digits, '.', '_' or '-', got '" + v + "'");
        }
    }

    static void positive(String key, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(key + " must be > 0, got " + v);
        }
    }

    static void atLeast(String key, int v, int min) {
        if (v < min) {
            throw new IllegalArgumentException(key + " must be >= " + min + ", got " + v);
        }
    }

    static void oneOf(String key, String v, String... allowed) {
        if (!Arrays.asList(allowed).contains(v)) {
            throw new IllegalArgumentException(
                    key + " must be one of " + Arrays.toString(allowed) + ", got '" + v + "'");
        }
    }

    static void relativePath(String key, String v) {
        text(key, v);
        if (Path.of(v).isAbsolute()) {
            throw new IllegalArgumentException(key + " must be relative to the ProDet home, got absolute '" + v + "'");
        }
    }
}
