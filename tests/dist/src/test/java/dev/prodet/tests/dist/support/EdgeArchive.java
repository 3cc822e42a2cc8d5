package dev.prodet.tests.dist.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An edge archive as runtime/dist builds it ({@code prodet-edge-<platform>.tar.gz}), unpacked the way an operator
 * does: with {@code tar}, which keeps the script executable.
 *
 * @param platform {@code linux-x86_64} or {@code linux-aarch64}
 * @param file the archive
 */
public record EdgeArchive(String platform, Path file) {

    /** The archive the build made for a platform; fails when it was not built. */
    public static EdgeArchive of(String platform) {
        Path target = Path.of(System.getProperty("prodet.dist.target", "../../runtime/dist/target"));
        Path file = target.resolve("prodet-edge-" + platform + ".tar.gz")
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("edge archive not built: " + file + " (mvn -B install -DskipTests)");
        }
        return new EdgeArchive(platform, file);
    }

    /** The ELF machine its native libraries must be built for. */
    public int machine() {
        return platform.endsWith("aarch64") ? ElfHeader.EM_AARCH64 : ElfHeader.EM_X86_64;
    }

    /** Unpacks into {@code dir}; returns the installation folder ({@code dir/prodet-edge}). */
    public Path unpack(Path dir) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "xzf", file.toString(), "-C", dir.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(tar.getInputStream().readAllBytes());
        if (!tar.waitFor(120, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new IOException("tar xzf " + file + " failed: " + out);
        }
        return dir.resolve("prodet-edge");
    }

    /** A native library in an unpacked archive: its place (a file, or an entry of a jar) and its header. */
    public record NativeLibrary(String where, ElfHeader header) {}

    /** Every ELF file under {@code installDir}, including those inside jars. */
    public static List<NativeLibrary> nativeLibraries(Path installDir) throws IOException {
        List<NativeLibrary> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(installDir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String where = installDir.relativize(p).toString();
                if (where.endsWith(".jar")) {
                    scanJar(p, where, out);
                } else {
                    try (InputStream in = Files.newInputStream(p)) {
                        header(in).ifPresent(h -> out.add(new NativeLibrary(where, h)));
                    }
                }
            }
        }
        return out;
    }

    /** Entries of jars under {@code installDir} that are native libraries for another OS (dll, dylib, jnilib). */
    public static List<String> foreignLibraries(Path installDir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(installDir)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (ZipFile z = new ZipFile(jar.toFile())) {
                    z.stream()
                            .map(ZipEntry::getName)
                            .filter(n -> n.endsWith(".dll") || n.endsWith(".dylib") || n.endsWith(".jnilib"))
                            .forEach(n -> out.add(installDir.relativize(jar) + "!/" + n));
                }
            }
        }
        return out;
    }

    private static void scanJar(Path jar, String where, List<NativeLibrary> out) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (entry.isDirectory() || entry.getName().endsWith(".class")) {
                    continue;
                }
                try (InputStream in = z.getInputStream(entry)) {
                    header(in).ifPresent(h -> out.add(new NativeLibrary(where + "!/" + entry.getName(), h)));
                }
            }
        }
    }

    private static java.util.Optional<ElfHeader> header(InputStream in) throws IOException {
        byte[] head = in.readNBytes(ElfHeader.LENGTH);
        return ElfHeader.read(head, head.length);
    }
}
