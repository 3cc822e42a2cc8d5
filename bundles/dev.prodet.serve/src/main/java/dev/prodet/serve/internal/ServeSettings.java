package dev.prodet.serve.internal;

import dev.prodet.api.home.Workspace;
import dev.prodet.api.serve.ServeToken;
import dev.prodet.serve.internal.image.ImageLimits;
import dev.prodet.serve.internal.infer.SessionSettings;
import dev.prodet.serve.internal.load.LoadLimits;
import dev.prodet.serve.internal.repo.VersionPolicy;
import dev.prodet.serve.internal.video.VideoLimits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The runtime's settings. Each key is read from the configuration ({@code dev.prodet.serve}), else from the
 * framework property {@code prodet.serve.<key>} (how {@code ./prodet serve --models DIR} passes it), else the
 * default. Keys and defaults: bundles/dev.prodet.serve/README.md.
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
 * @param load workers, queue, timeouts and the memory budget
 * @param maxBodyBytes largest /v1/detect body
 * @param maxInferBodyBytes largest /v2 inference body
 * @param maxInferBatch items per /v2 inference request at most
 * @param imageLimits image size limits and decoding resolution
 * @param videoLimits video sampling and size limits
 * @param maxFaces faces scored per image at most (largest first)
 * @param token bearer token clients must send; empty for none
 * @param tokenSource where the token came from, for the start-up report
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
        LoadLimits load,
        long maxBodyBytes,
        long maxInferBodyBytes,
        int maxInferBatch,
        ImageLimits imageLimits,
        VideoLimits videoLimits,
        int maxFaces,
        String token,
        String tokenSource,
        boolean management) {

    /** Framework property prefix. */
    public static final String PREFIX = SettingsReader.PREFIX;

    /** Reads the settings, the token also from the environment ({@link ServeToken#ENV}). */
    public static ServeSettings from(Function<String, Object> config, Function<String, String> framework) {
        return from(config, framework, System::getenv);
    }

    /**
     * Reads the settings.
     *
     * @param config configuration values by key (null when unset)
     * @param framework framework properties by full name (null when unset)
     * @param env environment variables by name
     * @throws IllegalArgumentException naming the key with a bad value
     */
    public static ServeSettings from(
            Function<String, Object> config, Function<String, String> framework, Function<String, String> env) {
        SettingsReader r = new SettingsReader(config, framework);
        int cores = Runtime.getRuntime().availableProcessors();
        boolean batching = r.bool("batching", false);
        int maxBatchSize = r.count("maxBatchSize", 8);
        ServeToken token = ServeToken.resolve(k -> r.text(k, "").isEmpty() ? null : r.text(k, ""), env);
        return new ServeSettings(
                modelsDir(r.text("models", ""), framework),
                r.num("pollMillis", 2000),
                r.num("settleMillis", 500),
                VersionPolicy.parse(r.text("versionPolicy", "latest")),
                policies(r.text("modelPolicies", "")),
                r.text("defaultModel", ""),
                new SessionSettings(
                        r.count("intraOpThreads", 0),
                        r.count("interOpThreads", 0),
                        r.text("executionProvider", "cpu").equalsIgnoreCase("cuda"),
                        r.count("cudaDevice", 0),
                        r.bool("spinning", false)),
                batching,
                maxBatchSize,
                r.num("maxBatchDelayMicros", 2000),
                r.count("maxQueue", 256),
                r.count("maxConcurrentRuns", cores),
                new LoadLimits(
                        // a batch fills only from requests held by workers at once
                        r.count("workers", batching ? cores + maxBatchSize : 2L * cores),
                        r.count("maxPending", 64),
                        r.num("bodyTimeoutMillis", 30_000),
                        r.num("requestTimeoutMillis", 30_000),
                        r.bytes("memoryBudgetBytes", Runtime.getRuntime().maxMemory() / 2),
                        r.count("retryAfterSeconds", 1)),
                r.bytes("maxBodyBytes", 16L << 20),
                r.bytes("maxInferBodyBytes", 64L << 20),
                r.count("maxInferBatch", 32),
                new ImageLimits(
                        r.count("maxImageSide", 12_000),
                        r.num("maxImagePixels", 25_000_000),
                        r.num("decodePixels", 2_000_000),
                        r.count("maxJpegScans", 64)),
                new VideoLimits(
                        r.count("videoFrames", 8),
                        r.count("maxVideoFrames", 32),
                        r.count("maxVideoSeconds", 60),
                        r.num("maxVideoPixels", 3840L * 2160)),
                r.count("maxFaces", 8),
                token.token(),
                // a token given as a setting: from the configuration, or visible in the process list
                !token.source().equals(ServeToken.SETTING)
                        ? token.source()
                        : "configuration".equals(r.source("token")) ? "configuration" : "command line",
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
        m.put("workers", load.workers() + " (queue " + load.maxPending() + ")");
        m.put(
                "memoryBudget",
                (load.memoryBudgetBytes() >> 20) + " MiB of "
                        + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap");
        m.put("maxBodyBytes", maxBodyBytes);
        m.put("maxImagePixels", imageLimits.maxPixels());
        m.put("decodePixels", imageLimits.decodePixels());
        m.put("token", token.isEmpty() ? "none" : "set (" + tokenSource + ")");
        m.put("management", management);
        return m;
    }

    private static Path modelsDir(String configured, Function<String, String> framework) {
        if (!configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        String ws = framework.apply(Workspace.PROPERTY);
        String home = framework.apply("app.home");
        String base = ws != null ? ws : home != null ? home : ".";
        return Path.of(base, "models").toAbsolutePath().normalize();
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
}
