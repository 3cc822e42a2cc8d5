package dev.prodet.serve.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the bearer token comes from, first found wins: the file named by {@code tokenFile}, the environment variable
 * {@value #ENV}, the {@code token} setting. A file or the environment keep the token out of the process list; a
 * {@code -Dprodet.serve.token=} on the command line does not, so that source is reported as such.
 *
 * @param token the token, empty for none
 * @param source {@code file PATH}, {@code environment}, {@code configuration}, {@code command line} or {@code none}
 */
record TokenSource(String token, String source) {
    /** Environment variable holding the token. */
    static final String ENV = "PRODET_SERVE_TOKEN";

    static TokenSource resolve(SettingsReader r, Function<String, String> env) {
        String file = r.text("tokenFile", "");
        if (!file.isEmpty()) {
            Path p = Path.of(file);
            try {
                String t = Files.readString(p, StandardCharsets.UTF_8).strip();
                if (t.isEmpty()) {
                    throw new IllegalArgumentException("setting tokenFile: " + p + " is empty");
                }
                return new TokenSource(t, "file " + p);
            } catch (IOException e) {
                throw new IllegalArgumentException("setting tokenFile: cannot read " + p + ": " + e.getMessage());
            }
        }
        String fromEnv = env.apply(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new TokenSource(fromEnv.strip(), "environment " + ENV);
        }
        String t = r.text("token", "");
        if (t.isEmpty()) {
            return new TokenSource("", "none");
        }
        return new TokenSource(t, "configuration".equals(r.source("token")) ? "configuration" : "command line");
    }

    /** Whether the token can be read by other users of the machine (shown in {@code ps}). */
    boolean visibleInProcessList() {
        return source.equals("command line");
    }
}
