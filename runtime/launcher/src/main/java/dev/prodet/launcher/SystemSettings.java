package dev.prodet.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JVM-wide settings made before the framework starts. Some libraries inside the runtime read no framework property:
 * slf4j-simple reads {@code org.slf4j.simpleLogger.*} and JavaCPP {@code org.bytedeco.javacpp.*} from system
 * properties only, and SPI Fly logs every service it registers through {@code java.util.logging} at INFO. A feature
 * names such properties in its {@value FeatureSet#SYSTEM_PROPERTIES} extension; one given on the command line
 * ({@code PRODET_JAVA_OPTS="-Dorg.slf4j.simpleLogger.log.ai.djl=debug"}) wins.
 */
final class SystemSettings {
    private SystemSettings() {}

    /** Sets each property that the command line did not set; {@code ${app.home}} is replaced by {@code home}. */
    static void apply(Map<String, String> properties, Path home) {
        properties.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value.replace("${app.home}", home.toString()));
            }
        });
        quietJavaUtilLogging();
    }

    /**
     * Raises {@code java.util.logging}'s root level to WARNING unless a logging configuration was given
     * ({@code -Djava.util.logging.config.file=...}), so the console shows ProDet's lines and real warnings only.
     */
    static void quietJavaUtilLogging() {
        if (System.getProperty("java.util.logging.config.file") == null
                && System.getProperty("java.util.logging.config.class") == null) {
            // the root logger is held by the LogManager for the JVM's life, so its level sticks
            Logger.getLogger("").setLevel(Level.WARNING);
        }
    }
}
