package dev.prodet.data.internal.command;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where ProDet keeps fetched assets and built data: framework/system property {@code prodet.home}, else
 * {@code $PRODET_HOME}, else {@code ~/.cache/prodet} (the face bundle and {@code scripts/fetch-assets.sh} use the
 * same rule); {@code prodet.assets.dir} overrides the assets folder alone.
 */
final class DataHome {

    private final UnaryOperator<String> properties;

    DataHome(UnaryOperator<String> properties) {
        this.properties = properties;
    }

    Path home() {
        String p = properties.apply("prodet.home");
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String env = System.getenv("PRODET_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "prodet");
    }

    Path assetsDir() {
        String p = properties.apply("prodet.assets.dir");
        return p != null && !p.isBlank() ? Path.of(p) : home().resolve("assets");
    }

    /** Default output folder of {@code data sample}. */
    Path sampleDir() {
        return home().resolve("data").resolve("sample");
    }
}
