package dev.prodet.train.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A request to start (or resume) a training run.
 *
 * @param config the experiment config file (YAML, {@code configs/experiments/*.yaml})
 * @param runId id of the run; names its output directory, so letters, digits, '.', '_' and '-' only
 * @param resume whether to continue from the run's latest checkpoint instead of starting fresh
 * @param overrides config values that replace those in the file, by dotted key (e.g. {@code train.batch=8});
 *     may be empty
 */
public record TrainingRequest(Path config, String runId, boolean resume, Map<String, String> overrides) {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Validates the fields and copies the overrides (sorted, so logs and run records are stable). */
    public TrainingRequest {
        if (config == null) {
            throw new IllegalArgumentException("TrainingRequest.config must not be null");
        }
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("TrainingRequest.runId must be letters, digits, '.', '_' or '-' "
                    + "(it names a directory), got: " + (runId == null ? "null" : "'" + runId + "'"));
        }
        overrides = NamedEntries.copy("TrainingRequest.overrides", overrides, new TreeMap<>());
    }

    /** A fresh run without overrides. */
    public static TrainingRequest of(Path config, String runId) {
        return new TrainingRequest(config, runId, false, Map.of());
    }
}
