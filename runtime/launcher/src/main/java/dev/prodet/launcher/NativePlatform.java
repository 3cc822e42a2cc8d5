package dev.prodet.launcher;

import java.util.Locale;
import java.util.Map;

/**
 * The platform a bundle's native libraries are built for, named as {@code uname -s}-{@code uname -m} in lower case
 * ({@code linux-x86_64}, {@code linux-aarch64}). A feature marks a bundle of native libraries with the metadata
 * {@value #METADATA}; the launcher installs it only on that platform, so one feature names the natives of every
 * platform while each distribution carries those of one.
 */
public final class NativePlatform {
    /** Feature bundle metadata key: the platform whose native libraries the bundle holds. */
    public static final String METADATA = "native-platform";

    private NativePlatform() {}

    /** The platform of this JVM. */
    public static String current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** The platform for Java's {@code os.name} and {@code os.arch}. */
    public static String of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT).replace(" ", "");
        String arch =
                switch (osArch.toLowerCase(Locale.ROOT)) {
                    case "amd64", "x86_64", "x86-64", "em64t" -> "x86_64";
                    case "aarch64", "arm64" -> "aarch64";
                    default -> osArch.toLowerCase(Locale.ROOT);
                };
        return os + "-" + arch;
    }

    /** The platform a feature bundle is for, or null when it holds no platform-specific natives. */
    public static String of(Map<String, Object> bundleMetadata) {
        Object p = bundleMetadata.get(METADATA);
        return p == null ? null : p.toString();
    }
}
