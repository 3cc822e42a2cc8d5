package dev.prodet.data.internal.command;

import dev.prodet.api.home.ProdetHome;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Where ProDet keeps fetched assets and built data, by the one rule of {@link ProdetHome}. */
final class DataHome {

    private final UnaryOperator<String> properties;

    DataHome(UnaryOperator<String> properties) {
        this.properties = properties;
    }

    Path home() {
        return ProdetHome.home(properties, System::getenv).dir();
    }

    Path assetsDir() {
        return ProdetHome.assets(properties, System::getenv).dir();
    }

    /** Default output folder of {@code data sample}. */
    Path sampleDir() {
        return home().resolve("data").resolve("sample");
    }
}
