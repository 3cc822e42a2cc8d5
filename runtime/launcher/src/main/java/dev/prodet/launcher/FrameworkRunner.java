package dev.prodet.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.feature.ID;

/** Creates the framework, installs and starts the feature bundles, and waits for it to stop. */
final class FrameworkRunner {
    /** Service property of the exit callback the CLI bundle uses to end a {@code --command} run. */
    static final String EXIT_CALLBACK = "prodet.launcher.exit";

    private final LaunchOptions options;
    private final PrintStream log;
    private final AtomicInteger exitStatus = new AtomicInteger(0);
    private Path storage;

    FrameworkRunner(LaunchOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    int run() throws LaunchException {
        Path home = options.home();
        FeatureSet features = FeatureSet.read(home.resolve("features"), options.features(), options.platform());
        List<Path> jars = new ArrayList<>(bundleJars(features, home).values());
        try {
            storage = Files.createTempDirectory("prodet-felix-");
        } catch (IOException e) {
            throw new LaunchException("cannot create the framework storage folder: " + e.getMessage(), e);
        }
        SystemSettings.apply(features.systemProperties, home);
        Map<String, String> props = frameworkProperties(features, home);
        Framework fw = ServiceLoader.load(FrameworkFactory.class, getClass().getClassLoader())
                .findFirst()
                .orElseThrow(() -> new LaunchException("no OSGi framework on the class path"))
                .newFramework(props);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(fw), "prodet-shutdown"));
        try {
            fw.init();
            List<Bundle> installed = install(fw.getBundleContext(), jars);
            fw.start();
            int failed = start(installed);
            long uptime =
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            log.printf(
                    "[prodet] features %s on %s: %d bundles, %d failed to start, ready %d ms after JVM start%n",
                    features.names, features.platform, installed.size(), failed, uptime);
            if (options.exitAfterStart()) {
                exitStatus.set(failed == 0 ? 0 : 1);
                fw.stop();
            } else {
                registerExitCallback(fw);
            }
            FrameworkEvent ev = fw.waitForStop(0);
            if (ev.getType() == FrameworkEvent.ERROR && ev.getThrowable() != null) {
                log.println("[prodet] framework stopped with an error: " + ev.getThrowable());
                return Math.max(1, exitStatus.get());
            }
            return exitStatus.get();
        } catch (BundleException e) {
            throw new LaunchException("framework start failed: " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            deleteStorage();
        }
    }

    /** The jar of each bundle of the features, by its path relative to a bundle folder. */
    static Map<String, Path> bundleJars(FeatureSet features, Path home) throws LaunchException {
        BundleLocator locator = new BundleLocator(home.resolve("bundles"), BundleLocator.defaultLocalRepository());
        Map<String, Path> jars = new LinkedHashMap<>();
        for (ID id : features.bundles.values()) {
            try {
                jars.put(BundleLocator.relativePath(id), locator.locate(id));
            } catch (LaunchException e) {
                if (features.nativeBundles.contains(id)) {
                    throw new LaunchException(
                            "this distribution has no native libraries for " + features.platform + " (" + id
                                    + " is missing): install the distribution built for " + features.platform,
                            e);
                }
                throw e;
            }
        }
        return jars;
    }

    private Map<String, String> frameworkProperties(FeatureSet features, Path home) throws LaunchException {
        Map<String, String> props = new HashMap<>();
        String homeStr = home.toString();
        features.frameworkProperties.forEach((k, v) -> props.put(k, v.replace("${app.home}", homeStr)));
        props.put("app.home", homeStr);
        props.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.putIfAbsent(Constants.FRAMEWORK_BOOTDELEGATION, "sun.*,com.sun.*");
        props.put("gosh.args", options.shell() ? "" : "--nointeractive");
        if (options.command() != null) {
            props.put("prodet.command", options.command());
        }
        props.put(
                "configurator.initial",
                ConfiguratorResources.initialProperty(features, options.configs(), storage.resolve("prodet")));
        props.putAll(options.properties());
        return props;
    }

    private List<Bundle> install(BundleContext ctx, List<Path> jars) throws LaunchException {
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            try {
                // reference: keeps Felix from copying large jars (the DJL bundle is >100 MB) into its cache
                installed.add(ctx.installBundle("reference:" + jar.toUri()));
            } catch (BundleException e) {
                throw new LaunchException("cannot install " + jar + ": " + rootMessage(e), e);
            }
        }
        return installed;
    }

    private int start(List<Bundle> bundles) {
        int failed = 0;
        for (Bundle b : bundles) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                b.start();
            } catch (BundleException | RuntimeException e) {
                failed++;
                log.println("[prodet] bundle " + b.getSymbolicName() + " " + b.getVersion() + " did not start: "
                        + rootMessage(e));
            }
        }
        for (Bundle b : bundles) {
            // a fragment of native libraries that did not attach would surface later as an UnsatisfiedLinkError
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null && b.getState() == Bundle.INSTALLED) {
                failed++;
                log.println("[prodet] fragment " + b.getSymbolicName() + " did not attach to "
                        + b.getHeaders().get(Constants.FRAGMENT_HOST) + "; it requires "
                        + b.getHeaders().get(Constants.REQUIRE_CAPABILITY));
            }
        }
        return failed;
    }

    private void registerExitCallback(Framework fw) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(EXIT_CALLBACK, Boolean.TRUE);
        IntConsumer exit = status -> {
            exitStatus.set(status);
            Thread t = new Thread(() -> stopQuietly(fw), "prodet-exit");
            t.start();
        };
        fw.getBundleContext().registerService(IntConsumer.class, exit, p);
    }

    private void stopQuietly(Framework fw) {
        try {
            if ((fw.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                fw.stop();
                fw.waitForStop(30_000);
            }
        } catch (BundleException | InterruptedException | RuntimeException e) {
            log.println("[prodet] framework stop: " + rootMessage(e));
        }
    }

    private void deleteStorage() {
        if (storage == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(storage)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.println("[prodet] could not delete " + storage + ": " + e.getMessage());
        }
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return c == t
                ? String.valueOf(m)
                : t.getMessage() + " (cause: " + c.getClass().getSimpleName() + ": " + m + ")";
    }
}
