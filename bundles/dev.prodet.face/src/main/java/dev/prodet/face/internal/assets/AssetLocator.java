package dev.prodet.face.internal.assets;

import dev.prodet.api.home.ProdetHome;
import dev.prodet.api.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Locates the assets folder and the files in it. The folder is, first match wins:
 *
 * <ol>
 *   <li>the framework or system property {@value #ASSETS_DIR_PROPERTY};
 *   <li>{@code <app.home>/assets} when that folder exists: the models a distribution carries (the edge archives
 *       do), found without any home-directory cache;
 *   <li>{@code <ProDet home>/assets} by the rule of {@link ProdetHome} ({@code prodet.home}, {@code $PRODET_HOME},
 *       {@code $HOME/.cache/prodet}), where {@code scripts/fetch-assets.sh} writes.
 * </ol>
 */
public final class AssetLocator {

    /** Property naming the assets folder itself. */
    public static final String ASSETS_DIR_PROPERTY = ProdetHome.ASSETS_PROPERTY;
    /** Property naming the ProDet home folder (assets live in its {@code assets} sub-folder). */
    public static final String HOME_PROPERTY = ProdetHome.PROPERTY;
    /** Property naming the installation folder of a distribution (set by its launcher). */
    public static final String DISTRIBUTION_HOME_PROPERTY = "app.home";
    /** The command that fetches the assets, for messages. */
    public static final String FETCH_HINT = "run 'bash scripts/fetch-assets.sh' (or './prodet data fetch') in the "
            + "ProDet checkout; it downloads and verifies the models into $PRODET_HOME/assets (default "
            + "$HOME/.cache/prodet/assets); to use assets fetched under another home, set PRODET_HOME to that folder";
    /** What to do when a distribution's own assets are missing or changed, for messages. */
    public static final String REINSTALL_HINT =
            "the distribution's assets folder is incomplete or was changed: unpack its archive again";

    private final Path dir;
    private final String origin;
    private final String fix;

    private AssetLocator(Path dir, String origin) {
        this(dir, origin, FETCH_HINT);
    }

    private AssetLocator(Path dir, String origin, String fix) {
        this.dir = dir;
        this.origin = origin;
        this.fix = fix;
    }

    /** A locator for an explicit assets folder. */
    public static AssetLocator of(Path dir) {
        return new AssetLocator(dir, "given folder");
    }

    /** A locator reading system properties and the environment. */
    public static AssetLocator fromSystem() {
        return fromProperties(System::getProperty);
    }

    /**
     * A locator reading properties through {@code properties} (e.g. {@code BundleContext::getProperty}, which falls
     * back to system properties), then the environment.
     */
    public static AssetLocator fromProperties(UnaryOperator<String> properties) {
        String explicit = properties.apply(ASSETS_DIR_PROPERTY);
        String distribution = properties.apply(DISTRIBUTION_HOME_PROPERTY);
        if ((explicit == null || explicit.isBlank())
                && distribution != null
                && !distribution.isBlank()
                && Files.isDirectory(Path.of(distribution, "assets"))) {
            return new AssetLocator(Path.of(distribution, "assets"), "the distribution", REINSTALL_HINT);
        }
        ProdetHome.Location assets = ProdetHome.assets(properties, System::getenv);
        return new AssetLocator(assets.dir(), assets.origin());
    }

    /** The assets folder. */
    public Path dir() {
        return dir;
    }

    /** Where an asset would be, whether or not it exists. */
    public Path pathOf(Asset asset) {
        return dir.resolve(asset.relativePath());
    }

    /** Whether the asset file exists (its checksum is not checked). */
    public boolean exists(Asset asset) {
        return Files.isRegularFile(pathOf(asset));
    }

    /**
     * The asset's path, after checking that it exists and matches its pinned SHA-256.
     *
     * @throws MissingAssetException when it is missing, unreadable or corrupt; the message says how to fetch it
     */
    public Path require(Asset asset) {
        Path p = pathOf(asset);
        if (!Files.isRegularFile(p)) {
            throw new MissingAssetException(
                    asset.description() + " not found at " + p + " (assets folder from " + origin + "); " + fix);
        }
        String actual;
        try {
            actual = Sha256.of(p);
        } catch (IOException e) {
            throw new MissingAssetException("cannot read " + asset.description() + " at " + p + ": " + e.getMessage()
                    + "; check its permissions or " + fix);
        }
        if (!actual.equals(asset.sha256())) {
            throw new MissingAssetException(asset.description() + " at " + p + " is corrupt or a different version: "
                    + "SHA-256 " + actual + ", expected " + asset.sha256() + "; "
                    + (fix.equals(FETCH_HINT) ? "delete it and " : "")
                    + fix);
        }
        return p;
    }
}
