package dev.prodet.tests.support;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.ops4j.pax.exam.Option;

/** Pax Exam options that provision a framework from feature files, as the launcher would. */
public final class PaxRuntime {
    private PaxRuntime() {}

    /** Options for the bundles and launching properties of the features, plus {@code extra} bundle jars. */
    public static Option[] features(List<String> features, Path... extra) {
        try {
            Path appHome = Files.createTempDirectory("prodet-it-home");
            Files.createDirectories(appHome.resolve("deploy"));
            List<Option> opts = new ArrayList<>();
            opts.add(cleanCaches(true));
            opts.add(frameworkProperty("org.osgi.framework.bootdelegation").value("sun.*,com.sun.*"));
            opts.add(frameworkProperty("gosh.args").value("--nointeractive"));
            opts.add(frameworkProperty("app.home").value(appHome.toString()));
            String[] names = features.toArray(String[]::new);
            for (Map.Entry<String, String> e :
                    Dist.launchProperties(appHome, names).entrySet()) {
                String value =
                        e.getKey().equals("org.osgi.service.http.port") ? String.valueOf(freePort()) : e.getValue();
                opts.add(frameworkProperty(e.getKey()).value(value));
            }
            for (Path jar : Dist.bundleJars(names)) {
                opts.add(reference(jar));
            }
            for (Path jar : extra) {
                opts.add(reference(jar));
            }
            opts.add(junitBundles());
            return opts.toArray(Option[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Installs in place: Felix does not copy reference: jars (the DJL bundle is over 100 MB). Fragments (the native
     * libraries) are installed without a start, which they cannot have.
     */
    public static Option reference(Path jar) {
        return bundle("reference:" + jar.toUri()).start(!isFragment(jar));
    }

    private static boolean isFragment(Path jar) {
        try (JarFile f = new JarFile(jar.toFile())) {
            Manifest m = f.getManifest();
            return m != null && m.getMainAttributes().getValue("Fragment-Host") != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + jar, e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
