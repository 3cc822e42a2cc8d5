package dev.prodet.tests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The natives fragments carry only the OpenCV modules listed in bundles/dev.prodet.platform.natives/opencv.bnd. Every
 * module a ProDet bundle's code refers to must be among them, or it would fail at run time with an
 * UnsatisfiedLinkError that no unit test sees (unit tests run with the full OpenCV jars).
 */
class OpenCvModulesCoveredIT {
    static final Pattern MODULE_REFERENCE = Pattern.compile("org/bytedeco/opencv/(?:global/)?opencv_([a-z0-9_]+)");

    @Test
    void everyOpenCvModuleTheBundlesUseIsInTheNativesOfEveryPlatform() throws Exception {
        Path dist = Path.of(System.getProperty("prodet.dist.target", "../../runtime/dist/target"))
                .resolve("prodet/bundles/dev/prodet");
        Set<String> used = new TreeSet<>();
        List<String> carried = new ArrayList<>();
        try (Stream<Path> jars = Files.walk(dist)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                String name = jar.getFileName().toString();
                if (name.startsWith("dev.prodet.platform.natives.")) {
                    if (name.endsWith("-opencv.jar")) {
                        carried.add(platformModules(jar));
                    }
                } else if (!name.startsWith("dev.prodet.platform.opencv")) {
                    used.addAll(referencedModules(jar));
                }
            }
        }
        assertEquals(2, carried.size(), "an OpenCV natives fragment per platform: " + carried);
        assertTrue(used.contains("dnn"), "the face bundle's references are seen: " + used);
        for (String modules : carried) {
            for (String m : used) {
                assertTrue(
                        modules.contains("|" + m + "|"),
                        "OpenCV module " + m + " is used by a ProDet bundle but not carried (" + modules
                                + "): add it to opencv.modules in bundles/dev.prodet.platform.natives/opencv.bnd");
            }
        }
    }

    /** Module names of a bundle's class references, e.g. {@code dnn} for {@code org/bytedeco/opencv/opencv_dnn/Net}. */
    static Set<String> referencedModules(Path jar) throws IOException {
        Set<String> out = new TreeSet<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (ZipEntry e :
                    z.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                // class file constant pools hold class names as plain modified-UTF-8 text
                String text = new String(z.getInputStream(e).readAllBytes(), StandardCharsets.ISO_8859_1);
                Matcher m = MODULE_REFERENCE.matcher(text);
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** The modules whose JNI library a natives fragment carries, as {@code |core|dnn|...|}. */
    static String platformModules(Path fragment) throws IOException {
        Set<String> modules = new TreeSet<>();
        Pattern jni = Pattern.compile(".*/libjniopencv_([a-z0-9_]+)\\.so");
        try (ZipFile z = new ZipFile(fragment.toFile())) {
            z.stream()
                    .map(ZipEntry::getName)
                    .map(jni::matcher)
                    .filter(Matcher::matches)
                    .forEach(m -> modules.add(m.group(1)));
        }
        return "|" + String.join("|", modules) + "|";
    }
}
