package dev.prodet.console.internal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The bearer token the console's own API asks for: the serving runtime's token, found by the same rule, first found
 * wins: the file named by {@code prodet.serve.tokenFile}, the environment variable {@code PRODET_SERVE_TOKEN}, the
 * framework property {@code prodet.serve.token}. Empty for none.
 *
 * @param token the token, empty for none
 * @param problem why no token could be read although one was configured (requests are then refused), or null
 */
record ConsoleToken(String token, String problem) {
    static final String PREFIX = "prodet.serve.";
    static final String ENV = "PRODET_SERVE_TOKEN";

    /**
     * @param framework framework properties by name
     * @param env environment variables by name
     */
    static ConsoleToken resolve(Function<String, String> framework, Function<String, String> env) {
        String file = framework.apply(PREFIX + "tokenFile");
        if (file != null && !file.isBlank()) {
            Path p = Path.of(file.strip());
            try {
                String t = Files.readString(p, StandardCharsets.UTF_8).strip();
                return t.isEmpty()
                        ? new ConsoleToken("", "the token file " + p + " (prodet.serve.tokenFile) is empty")
                        : new ConsoleToken(t, null);
            } catch (IOException e) {
                return new ConsoleToken("", "the token file " + p + " (prodet.serve.tokenFile) cannot be read: " + e);
            }
        }
        String fromEnv = env.apply(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new ConsoleToken(fromEnv.strip(), null);
        }
        String t = framework.apply(PREFIX + "token");
        return new ConsoleToken(t == null ? "" : t.strip(), null);
    }
}
