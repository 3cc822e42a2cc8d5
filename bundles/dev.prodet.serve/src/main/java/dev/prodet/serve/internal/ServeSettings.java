package dev.prodet.serve.internal;

import dev.prodet.serve.internal.image.ImageLimits;
import dev.prodet.serve.internal.infer.SessionSettings;
import dev.prodet.serve.internal.repo.VersionPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The runtime's settings. Each key is read from the configuration ({@code dev.prodet.serve}), else from the
 * framework property {@code prodet.serve.<key>} (how {@code ./prodet serve --models DIR} passes it), else the
 * default. Keys and defaults: see {@link #describe()}.
 *
 * @param models model repository folder
 * @param pollMillis repository polling period; 0 = explicit load/unload only (plus one scan at start)
 * @param settleMillis a package whose files changed more recently is loaded at a later poll
 * @param policy default version policy
 * @param policies per-model version policies
 * @param defaultModel model for requests that name none while several serve
 * @param session ONNX Runtime session settings
 * @param batching dynamic batching; off by default: on 2 CPU cores one batched session run was no faster per image
 *     than separate runs in parallel (docs/benchmarks.md), while it adds up to the batch delay to every request
 * @param maxBatchSize items per session run at most (batching)
 * @param maxBatchDelayMicros how long the oldest request waits for a batch to fill
 * @param maxQueue requests waiting per model version at most (batching)
 * @param maxConcurrentRuns session runs in flight per version at most (no batching)
 * @param requestTimeoutMillis how long a request waits for the model
 * @param maxBodyBytes largest /v1/detect body
 * @param maxInferBodyBytes largest /v2 inference body
 * @param maxInferBatch items per /v2 inference request at most
 * @param imageLimits decoded image size limits
 * @param maxFaces faces scored per image at most
 * @param token bearer token clients must send; empty for none. Set directly ({@code token}) or as the first line
 *     of a file ({@code tokenFile}, how {@code bin/prodet-edge --token-file} passes it: never on a command line)
 * @param management whether the repository load/unload API is on
 */
public record ServeSettings(
        Path models,
        long pollMillis,
        long settleMillis,
        VersionPolicy policy,
        Map<String, VersionPolicy> policies,
        String defaultModel,
        SessionSettings session,
        boolean batching,
        int maxBatchSize,
        long maxBatchDelayMicros,
        int maxQueue,
        int maxConcurrentRuns,
        long requestTimeoutMillis,
        long maxBodyBytes,
        long maxInferBodyBytes,
        int maxInferBatch,
        ImageLimits imageLimits,
        int maxFaces,
        String token,
        boolean management) {

    /** Framework property prefix. */
    public static final String PREFIX = "prodet.serve.";

    /**
     * Reads the settings.
     *
     * @param config configuration values by key (null when unset)
     * @param framework framework properties by full name (null when unset)
     * @throws IllegalArgumentException naming the key with a bad value
     */
    public static ServeSettings from(Function<String, Object> config, Function<String, String> framework) {
        Reader r = new Reader(config, framework);
        int cores = Runtime.getRuntime().availableProcessors();
        return new ServeSettings(
                modelsDir(r.text("models", ""), framework),
                r.num("pollMillis", 2000),
                r.num("settleMillis", 500),
                VersionPolicy.parse(r.text("versionPolicy", "latest")),
                policies(r.text("modelPolicies", "")),
                r.text("defaultModel", ""),
                new SessionSettings(
                        (int) r.num("intraOpThreads", 0),
                        (int) r.num("interOpThreads", 0),
                        r.text("executionProvider", "cpu").equalsIgnoreCase("cuda"),
                        (int) r.num("cudaDevice", 0),
                        r.bool("spinning", false)),
                r.bool("batching", false),
                (int) r.num("maxBatchSize", 8),
                r.num("maxBatchDelayMicros", 2000),
                (int) r.num("maxQueue", 256),
                (int) r.num("maxConcurrentRuns", cores),
                r.num("requestTimeoutMillis", 30_000),
                r.num("maxBodyBytes", 16L << 20),
                r.num("maxInferBodyBytes", 64L << 20),
                (int) r.num("maxInferBatch", 32),
                new ImageLimits((int) r.num("maxImageSide", 12_000), r.num("maxImagePixels", 25_000_000)),
                (int) r.num("maxFaces", 8),
                token(r.text("token", ""), r.text("tokenFile", "")),
                r.bool("management", false));
    }

    /** The settings as key = value lines (the token masked). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("models", models);
        m.put("pollMillis", pollMillis);
        m.put("versionPolicy", policy);
        m.put("modelPolicies", policies);
        m.put("executionProvider", session.cuda() ? "cuda:" + session.cudaDevice() : "cpu");
        m.put("intraOpThreads", session.intraOpThreads());
        m.put("spinning", session.spinning());
        m.put("batching", batching ? "on (max " + maxBatchSize + ", delay " + maxBatchDelayMicros + " us)" : "off");
        m.put("maxBodyBytes", maxBodyBytes);
        m.put("maxImagePixels", imageLimits.maxPixels());
        m.put("token", token.isEmpty() ? "none" : "set");
        m.put("management", management);
        return m;
    }

    private static Path modelsDir(String configured, Function<String, String> framework) {
        if (!configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        String ws = framework.apply("prodet.workspace");
        String home = framework.apply("app.home");
        String base = ws != null ? ws : home != null ? home : ".";
        return Path.of(base, "models").toAbsolutePath().normalize();
    }

    private static String token(String token, String tokenFile) {
        if (tokenFile.isEmpty()) {
            return token;
        }
        if (!token.isEmpty()) {
            throw new IllegalArgumentException("settings token and tokenFile are both set: keep one");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(tokenFile), StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException e) {
            throw new IllegalArgumentException("setting tokenFile: cannot read " + tokenFile + ": " + e, e);
        }
        String first = lines.isEmpty() ? "" : lines.get(0).strip();
        if (first.isEmpty()) {
            throw new IllegalArgumentException("setting tokenFile: the first line of " + tokenFile + " is empty");
        }
        return first;
    }

    // "a=all;b=specific:1,3"
    private static Map<String, VersionPolicy> policies(String text) {
        Map<String, VersionPolicy> m = new LinkedHashMap<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException(
                        "modelPolicies entries are NAME=POLICY separated by ';', got '" + entry + "'");
            }
            m.put(entry.substring(0, eq).trim(), VersionPolicy.parse(entry.substring(eq + 1)));
        }
        return m;
    }

    private record Reader(Function<String, Object> config, Function<String, String> framework) {
        Object raw(String key) {
            Object v = config.apply(key);
            return v != null ? v : framework.apply(PREFIX + key);
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

        boolean bool(String key, boolean dflt) {
            Object v = raw(key);
            if (v == null || v.toString().isBlank()) {
                return dflt;
            }
            String s = v.toString().trim().toLowerCase();
            if (s.equals("true") || s.equals("false")) {
                return s.equals("true");
            }
            throw new IllegalArgumentException("setting " + key + " must be true or false, got '" + v + "'");
        }
    }
}
