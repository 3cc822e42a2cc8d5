package dev.prodet.api.plugin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The service properties of a plugin of each well-known kind ({@code prodet.<kind>.name}, {@code .version},
 * {@code .description}, see {@link PluginProperties}) as typed component property annotations, written beside
 * {@code @Component} instead of property strings, e.g. {@code @Plugin.Generator(name = "sbi", description = "...")}.
 */
public final class Plugin {
    private Plugin() {}

    /** A forgery generator: {@code prodet.generator.*}. */
    @ComponentPropertyType
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    public @interface Generator {
        /** Prefix of the property names. */
        String PREFIX_ = PluginProperties.PREFIX + PluginKinds.GENERATOR + ".";

        /** The plugin name, unique among generators. */
        String name();

        /** The plugin's own version. */
        String version() default "1.0.0";

        /** One line for listings. */
        String description();
    }

    /** A backbone: {@code prodet.backbone.*}. */
    @ComponentPropertyType
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    public @interface Backbone {
        /** Prefix of the property names. */
        String PREFIX_ = PluginProperties.PREFIX + PluginKinds.BACKBONE + ".";

        /** The plugin name, unique among backbones. */
        String name();

        /** The plugin's own version. */
        String version() default "1.0.0";

        /** One line for listings. */
        String description();
    }

    /** A regularizer strategy: {@code prodet.regularizer.*}. */
    @ComponentPropertyType
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    public @interface Regularizer {
        /** Prefix of the property names. */
        String PREFIX_ = PluginProperties.PREFIX + PluginKinds.REGULARIZER + ".";

        /** The plugin name, unique among regularizers. */
        String name();

        /** The plugin's own version. */
        String version() default "1.0.0";

        /** One line for listings. */
        String description();
    }
}
