package dev.prodet.tests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.tests.dist.support.EdgeArchive;
import dev.prodet.tests.dist.support.EdgeServer;
import dev.prodet.tests.dist.support.FetchedAssets;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ARM64 archive starts and scores a portrait under qemu-user (an arm64 JRE run by qemu-aarch64-static, from
 * scripts/fetch-arm64-emulator.sh), with the same answer as the x86-64 archive up to floating-point differences of
 * the two builds of the natives. Skipped, naming the script, where the emulator was not fetched.
 */
class Arm64EmulatedIT {
    @TempDir
    Path dir;

    /** A JAVA_HOME whose bin/java runs the arm64 JRE under qemu-user: prodet-edge runs as it would on ARM64. */
    static Path emulatedJavaHome(Path dir) throws Exception {
        Path emulator = FetchedAssets.cache().resolve("arm64-emulator");
        Path qemu = emulator.resolve("qemu-aarch64-static");
        Path sysroot = emulator.resolve("sysroot");
        Path java = sysroot.resolve("usr/lib/jvm/java-17-openjdk-arm64/bin/java");
        Assumptions.assumeTrue(
                Files.isExecutable(qemu) && Files.isExecutable(java),
                "no ARM64 emulator in " + emulator + ": run 'bash scripts/fetch-arm64-emulator.sh' (Debian's "
                        + "qemu-user-static and openjdk-17-jre-headless:arm64, unpacked, nothing installed)");
        Path bin = Files.createDirectories(dir.resolve("jdk-arm64/bin"));
        Path wrapper = bin.resolve("java");
        Files.writeString(wrapper, "#!/bin/sh\nexec '" + qemu + "' -L '" + sysroot + "' '" + java + "' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin.getParent();
    }

    @Test
    void theArm64ArchiveScoresAPortraitAsTheX86ArchiveDoes() throws Exception {
        Path javaHome = emulatedJavaHome(dir);
        Path models = Files.createDirectories(dir.resolve("models"));
        byte[] jpg = Files.readAllBytes(FetchedAssets.portrait("grace_hopper.jpg"));
        Path home = Files.createDirectories(dir.resolve("home"));

        JsonNode x86;
        Path x86Install = EdgeArchive.of("linux-x86_64").unpack(Files.createDirectories(dir.resolve("x86")));
        try (EdgeServer s = new EdgeServer(
                x86Install,
                dir.resolve("x86.log"),
                EdgeArchiveIT.bareEnvironment(home),
                List.of("--models", models.toString()))) {
            String[] face = EdgeArchiveIT.awaitServerMetadata(s)
                    .get("face_preprocessor")
                    .asText()
                    .split("@");
            TestPackages.export(models, "m", "1", 23, new FacePreprocessorInfo(face[0], face[1]));
            s.awaitReady(Duration.ofSeconds(120));
            x86 = detect(s, jpg);
        }

        Path armInstall = EdgeArchive.of("linux-aarch64").unpack(Files.createDirectories(dir.resolve("arm64")));
        var env = EdgeArchiveIT.bareEnvironment(home);
        env.put("JAVA_HOME", javaHome.toString());
        try (EdgeServer s =
                new EdgeServer(armInstall, dir.resolve("arm64.log"), env, List.of("--models", models.toString()))) {
            s.awaitReady(Duration.ofSeconds(420));
            assertTrue(s.logTail().contains("on linux-aarch64"), "the arm64 JVM runs it:\n" + s.logTail());
            JsonNode arm = detect(s, jpg);
            assertEquals(x86.get("fakeness").asDouble(), arm.get("fakeness").asDouble(), 0.02, arm.toString());
            for (int i = 0; i < 4; i++) {
                assertEquals(
                        x86.at("/faces/0/box/" + i).asDouble(),
                        arm.at("/faces/0/box/" + i).asDouble(),
                        2.0,
                        "face box, x86: " + x86 + "\narm64: " + arm);
            }
        }
    }

    static JsonNode detect(EdgeServer s, byte[] jpg) throws Exception {
        HttpResponse<String> r = s.post("/v1/detect", "image/jpeg", jpg);
        assertEquals(200, r.statusCode(), r.body() + "\n" + s.logTail());
        JsonNode answer = EdgeArchiveIT.JSON.readTree(r.body());
        assertTrue(answer.at("/faces/0/score").asDouble() > 0.5, r.body());
        return answer;
    }
}
