package dev.prodet.launcher;

/** Entry point: {@code java -Dapp.home=DIR -jar lib/launcher.jar [options]}; see {@link LaunchOptions#USAGE}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (LaunchOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("prodet launcher: " + e.getMessage());
            }
            System.err.println(LaunchOptions.USAGE);
            return e.getMessage() == null ? 0 : 2;
        }
        try {
            if (options.copyBundlesTo() != null) {
                return BundleCopier.copy(options, System.err);
            }
            return new FrameworkRunner(options, System.err).run();
        } catch (LaunchException e) {
            System.err.println("prodet launcher: " + e.getMessage());
            return 1;
        }
    }
}
