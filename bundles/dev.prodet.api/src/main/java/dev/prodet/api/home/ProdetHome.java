package dev.prodet.api.home;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The ProDet home folder, first match wins:
 *
 * <ol>
 *   <li>the property {@value #PROPERTY} (the launcher scripts always set it, from the rule below);
 *   <li>the environment variable {@value #ENVIRONMENT};
 *   <li>{@code $HOME/.cache/prodet}, with {@code HOME} from the environment;
 *   <li>{@code <user.home>/.cache/prodet}, only when {@code HOME} is not set.
 * </ol>
 *
 * <p>Steps 2 and 3 are the rule of {@code ./prodet} and {@code scripts/fetch-assets.sh}. The environment's
 * {@code HOME} comes before Java's {@code user.home} because the two differ in containers, CI and under sudo
 * ({@code user.home} is read from the password database), and the shell that fetched the assets used {@code HOME}.
 * The assets live in {@code <home>/assets} unless the property {@value #ASSETS_PROPERTY} names another folder.
 */
public final class ProdetHome {

    /** Framework or system property naming the home folder. */
    public static final String PROPERTY = "prodet.home";
    /** Environment variable naming the home folder. */
    public static final String ENVIRONMENT = "PRODET_HOME";
    /** Framework or system property naming the assets folder alone. */
    public static final String ASSETS_PROPERTY = "prodet.assets.dir";

    /**
     * A folder and the rule that chose it.
     *
     * @param dir the folder
     * @param origin which rule chose it, for messages, e.g. {@code environment variable PRODET_HOME}
     */
    public record Location(Path dir, String origin) {
        /** Checks the fields. */
        public Location {
            if (dir == null || origin == null) {
                throw new IllegalArgumentException(
                        "a location needs a folder and its origin, got " + dir + ", " + origin);
            }
        }
    }

    private ProdetHome() {}

    /** The home folder from system properties and the process environment. */
    public static Location home() {
        return home(System::getProperty, System::getenv);
    }

    /** The assets folder from system properties and the process environment. */
    public static Location assets() {
        return assets(System::getProperty, System::getenv);
    }

    /**
     * The home folder from {@code properties} (e.g. {@code BundleContext::getProperty}, which falls back to system
     * properties) and {@code environment} (normally {@code System::getenv}).
     */
    public static Location home(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String property = properties.apply(PROPERTY);
        if (isSet(property)) {
            return new Location(Path.of(property), "property " + PROPERTY);
        }
        String env = environment.apply(ENVIRONMENT);
        if (isSet(env)) {
            return new Location(Path.of(env), "environment variable " + ENVIRONMENT);
        }
        String home = environment.apply("HOME");
        if (isSet(home)) {
            return new Location(Path.of(home, ".cache", "prodet"), "default $HOME/.cache/prodet");
        }
        return new Location(
                Path.of(System.getProperty("user.home"), ".cache", "prodet"),
                "default user.home/.cache/prodet (HOME is not set)");
    }

    /** The assets folder: property {@value #ASSETS_PROPERTY}, else {@code <home>/assets}. */
    public static Location assets(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String explicit = properties.apply(ASSETS_PROPERTY);
        if (isSet(explicit)) {
            return new Location(Path.of(explicit), "property " + ASSETS_PROPERTY);
        }
        Location home = home(properties, environment);
        return new Location(home.dir().resolve("assets"), home.origin());
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
