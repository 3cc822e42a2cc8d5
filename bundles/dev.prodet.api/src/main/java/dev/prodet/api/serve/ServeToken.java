package dev.prodet.api.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The bearer token of the serving runtime, found by the one rule the edge runtime and the web console share, first
 * found wins: the first line of the file named by the setting {@code tokenFile}, the environment variable
 * {@value #ENV}, the setting {@code token}. A file or the environment keep the token out of the process list.
 *
 * @param token the token, empty for none
 * @param source where it came from: {@code file PATH}, {@code environment PRODET_SERVE_TOKEN}, {@value #SETTING} or
 *     {@code none}
 */
public record ServeToken(String token, String source) {
    /** Environment variable holding the token. */
    public static final String ENV = "PRODET_SERVE_TOKEN";

    /** {@link #source} of a token given as the {@code token} setting. */
    public static final String SETTING = "setting";

    /**
     * Finds the token.
     *
     * @param settings the serving settings by key without prefix ({@code tokenFile}, {@code token}); null when unset
     * @param env environment variables by name
     * @throws IllegalArgumentException naming {@code tokenFile} when that file cannot be read or its first line is
     *     empty (a configured token that cannot be read must refuse requests, never open the server)
     */
    public static ServeToken resolve(Function<String, String> settings, Function<String, String> env) {
        String file = settings.apply("tokenFile");
        if (file != null && !file.isBlank()) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(file.strip()), StandardCharsets.UTF_8);
            } catch (IOException | InvalidPathException e) {
                throw new IllegalArgumentException("setting tokenFile: cannot read " + file.strip() + ": " + e, e);
            }
            String first = lines.isEmpty() ? "" : lines.get(0).strip();
            if (first.isEmpty()) {
                throw new IllegalArgumentException(
                        "setting tokenFile: the first line of " + file.strip() + " is empty");
            }
            return new ServeToken(first, "file " + file.strip());
        }
        String fromEnv = env.apply(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new ServeToken(fromEnv.strip(), "environment " + ENV);
        }
        String t = settings.apply("token");
        return t == null || t.isBlank() ? new ServeToken("", "none") : new ServeToken(t.strip(), SETTING);
    }

    /** Whether a token is required. */
    public boolean isSet() {
        return !token.isEmpty();
    }
}
