package dev.prodet.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the launcher. */
record LaunchOptions(
        Path home,
        Path configs,
        List<String> features,
        String command,
        boolean shell,
        boolean exitAfterStart,
        String platform,
        Path copyBundlesTo,
        Map<String, String> properties) {

    static final String USAGE = String.join(
            System.lineSeparator(),
            "usage: launcher [--home DIR] [--features core,cli,...] [--configs DIR] [--command 'prodet:plugins'] [--shell]",
            "                [--exit-after-start] [--platform P] [--copy-bundles DIR] [-Dkey=value ...]",
            "  --home DIR           distribution folder holding bundles/, features/, configs/ (default: $app.home or .)",
            "  --features LIST      feature names, each features/<name>.json (default: core,cli)",
            "  --configs DIR        folder of Configurator JSON files (default: <home>/configs/osgi)",
            "  --command CMD        run one Gogo command after start-up, print its result, exit with its status",
            "  --shell              interactive Gogo console on standard input",
            "  --exit-after-start   start every bundle, print the start-up time and exit (for benchmarks)",
            "  --platform P         take the native libraries for P (linux-x86_64, linux-aarch64; default: this machine's)",
            "  --copy-bundles DIR   copy the bundles the features need on the platform into DIR and exit (builds a",
            "                       distribution for one platform)",
            "  -Dkey=value          extra framework property");

    static LaunchOptions parse(String[] args) {
        String homeDefault = System.getProperty("app.home", ".");
        Path home = Path.of(homeDefault);
        Path configs = null;
        List<String> features = new ArrayList<>(List.of("core", "cli"));
        String command = null;
        boolean shell = false;
        boolean exitAfterStart = false;
        String platform = null;
        Path copyBundlesTo = null;
        Map<String, String> props = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--home" -> home = Path.of(value(args, ++i, a));
                case "--features" -> features = splitList(value(args, ++i, a));
                case "--configs" -> configs = Path.of(value(args, ++i, a));
                case "--command" -> command = value(args, ++i, a);
                case "--shell" -> shell = true;
                case "--exit-after-start" -> exitAfterStart = true;
                case "--platform" -> platform = value(args, ++i, a);
                case "--copy-bundles" -> copyBundlesTo = Path.of(value(args, ++i, a));
                case "-h", "--help" -> throw new UsageException(null);
                default -> {
                    if (a.startsWith("-D") && a.contains("=")) {
                        int eq = a.indexOf('=');
                        props.put(a.substring(2, eq), a.substring(eq + 1));
                    } else {
                        throw new UsageException("unknown option: " + a);
                    }
                }
            }
        }
        if (features.isEmpty()) {
            throw new UsageException("--features needs at least one feature name");
        }
        if (shell && command != null) {
            throw new UsageException("--shell and --command cannot be combined");
        }
        Path absHome = home.toAbsolutePath().normalize();
        Path absConfigs = (configs == null ? absHome.resolve("configs").resolve("osgi") : configs)
                .toAbsolutePath()
                .normalize();
        return new LaunchOptions(
                absHome,
                absConfigs,
                features,
                command,
                shell,
                exitAfterStart,
                platform == null ? NativePlatform.current() : platform,
                copyBundlesTo == null ? null : copyBundlesTo.toAbsolutePath().normalize(),
                props);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static List<String> splitList(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** Thrown for bad command lines; the message (if any) says what is wrong. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
