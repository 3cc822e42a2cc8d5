package dev.prodet.serve.internal.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.serve.internal.repo.VersionStatus.State;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRepositoryTest {
    @TempDir
    Path repo;

    final FakeLoader loader = new FakeLoader();
    final List<String> events = new CopyOnWriteArrayList<>();
    volatile FacePreprocessorInfo face = null;

    ModelRepository repository(VersionPolicy policy) {
        return new ModelRepository(
                repo,
                policy,
                Map.of(),
                loader,
                () -> face,
                new RepositoryEvents() {
                    @Override
                    public void loaded(VersionStatus s) {
                        events.add("loaded " + s.name() + "/" + s.version());
                    }

                    @Override
                    public void failed(VersionStatus s) {
                        events.add("failed " + s.name() + "/" + s.version());
                    }

                    @Override
                    public void unloaded(VersionStatus s) {
                        events.add("unloaded " + s.name() + "/" + s.version());
                    }

                    @Override
                    public void closed(String name, String version) {
                        events.add("closed " + name + "/" + version);
                    }
                },
                0);
    }

    void publish(String name, String version, String content) throws Exception {
        TestPackages.fake(repo, name, version, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void servesTheLatestVersionAndSwapsWhenANewOneAppears() throws Exception {
        publish("m", "1", "one");
        ModelRepository r = repository(VersionPolicy.LATEST);
        r.poll();
        try (Lease l = r.acquire("m", null)) {
            assertEquals("1", l.version().version());
        }
        publish("m", "2", "two");
        r.poll();
        try (Lease l = r.acquire("m", null)) {
            assertEquals("2", l.version().version());
        }
        assertNull(r.acquire("m", "1"), "latest serves one version");
        assertTrue(loader.models.get("m/1").closed, "version 1 closed once no request holds it");
        assertEquals(List.of("loaded m/1", "loaded m/2", "unloaded m/1", "closed m/1"), events);
    }

    @Test
    void aReplacementOfTheSameSizeAndTimeIsSeenByItsContent() throws Exception {
        publish("m", "1", "aaa");
        Path dir = repo.resolve("m/1");
        java.nio.file.attribute.FileTime json = Files.getLastModifiedTime(dir.resolve("model.json"));
        java.nio.file.attribute.FileTime onnx = Files.getLastModifiedTime(dir.resolve("model.onnx"));
        ModelRepository r = repository(VersionPolicy.LATEST);
        r.poll();
        r.poll();
        assertEquals(List.of("m/1"), loader.loads, "unchanged files load once");
        publish("m", "1", "bbb"); // same sizes (the checksum in model.json has the same length too)
        Files.setLastModifiedTime(dir.resolve("model.json"), json);
        Files.setLastModifiedTime(dir.resolve("model.onnx"), onnx); // as rsync -t or cp -p would leave them
        r.poll();
        assertEquals(List.of("m/1", "m/1"), loader.loads, "the new content is loaded");
        r.poll();
        assertEquals(2, loader.loads.size());
    }

    @Test
    void anInFlightRequestKeepsTheOldSessionOpenUntilItEnds() throws Exception {
        publish("m", "1", "one");
        ModelRepository r = repository(VersionPolicy.LATEST);
        r.poll();
        Lease inFlight = r.acquire("m", null);
        publish("m", "2", "two");
        r.poll();
        try (Lease l = r.acquire("m", null)) {
            assertEquals("2", l.version().version(), "new requests go to the new version at once");
        }
        assertFalse(loader.models.get("m/1").closed, "closed while a request still runs on it");
        assertEquals(1, inFlight.version().inFlight());
        assertFalse(inFlight.version().isClosed());
        assertTrue(
                r.status().stream()
                        .anyMatch(s -> s.version().equals("1") && s.state() == State.UNLOADED && s.inFlight() == 1),
                r.status().toString());
        inFlight.version().runner().run(new float[3 * 64 * 64], 1); // the old version still answers
        inFlight.close();
        assertTrue(loader.models.get("m/1").closed, "closed when the last request ended");
        inFlight.close(); // idempotent
        assertEquals(1, events.stream().filter(e -> e.equals("closed m/1")).count());
    }

    @Test
    void aBrokenNewVersionLeavesTheOldOneServingAndIsReportedOnce() throws Exception {
        publish("m", "1", "one");
        ModelRepository r = repository(VersionPolicy.LATEST);
        r.poll();
        publish("m", "2", "BAD weights");
        r.poll();
        r.poll();
        try (Lease l = r.acquire("m", null)) {
            assertEquals("1", l.version().version());
        }
        VersionStatus v2 = r.status().stream()
                .filter(s -> s.version().equals("2"))
                .findFirst()
                .orElseThrow();
        assertEquals(State.FAILED, v2.state());
        assertTrue(v2.message().contains("engine cannot load"), v2.message());
        assertEquals(1, loader.loads.stream().filter(k -> k.equals("m/2")).count(), "not retried unchanged");
        assertEquals(List.of(), r.notServing());
        // fixed files are retried and swapped in
        Files.delete(repo.resolve("m/2/model.onnx"));
        Files.delete(repo.resolve("m/2/model.json"));
        publish("m", "2", "two, fixed");
        r.poll();
        try (Lease l = r.acquire("m", null)) {
            assertEquals("2", l.version().version());
        }
    }

    @Test
    void aTamperedPackageIsRefusedWithTheChecksumError() throws Exception {
        publish("m", "1", "one");
        Files.writeString(repo.resolve("m/1/model.onnx"), "evil");
        ModelRepository r = repository(VersionPolicy.LATEST);
        r.poll();
        assertNull(r.acquire("m", null));
        VersionStatus s = r.status().get(0);
        assertEquals(State.FAILED, s.state());
        assertTrue(s.message().startsWith("checksum mismatch for "), s.message());
        assertEquals(List.of("m"), r.notServing());
        assertTrue(loader.loads.isEmpty(), "never handed to the engine");
    }

    @Test
    void aPackageForAnotherFacePreprocessorIsRefused() throws Exception {
        publish("m", "1", "one");
        face = new FacePreprocessorInfo("other-aligner", "2");
        ModelRepository r = repository(VersionPolicy.LATEST);
        r.poll();
        VersionStatus s = r.status().get(0);
        assertEquals(State.FAILED, s.state());
        assertTrue(s.message().contains("face preprocessor mismatch"), s.message());
    }

    @Test
    void aPackageInTheWrongFolderIsRefused() throws Exception {
        publish("m", "1", "one");
        Files.move(
                repo.resolve("m/1"),
                Files.createDirectories(repo.resolve("other")).resolve("1"));
        ModelRepository r = repository(VersionPolicy.LATEST);
        r.poll();
        VersionStatus s = r.status().stream()
                .filter(x -> x.name().equals("other"))
                .findFirst()
                .orElseThrow();
        assertTrue(s.message().contains("describes model m version 1 but lies in other/1"), s.message());
    }

    @Test
    void versionPoliciesAllSpecificAndLatestN() throws Exception {
        for (String v : List.of("1", "2", "10")) {
            publish("m", v, "v" + v);
        }
        ModelRepository all = repository(VersionPolicy.parse("all"));
        all.poll();
        assertEquals(
                List.of("1", "2", "10"),
                all.serving("m").stream().map(ServedVersion::version).toList());
        try (Lease l = all.acquire("m", null)) {
            assertEquals("10", l.version().version(), "10 is newer than 2");
        }
        ModelRepository two = repository(VersionPolicy.parse("latest:2"));
        two.poll();
        assertEquals(
                List.of("2", "10"),
                two.serving("m").stream().map(ServedVersion::version).toList());
        ModelRepository specific = repository(VersionPolicy.parse("specific:1"));
        specific.poll();
        assertEquals(
                List.of("1"),
                specific.serving("m").stream().map(ServedVersion::version).toList());
    }

    @Test
    void explicitUnloadSticksUntilLoadedAgain() throws Exception {
        publish("m", "1", "one");
        ModelRepository r = repository(VersionPolicy.LATEST);
        r.poll();
        r.unload("m");
        r.poll();
        assertNull(r.acquire("m", null), "polling does not bring an unloaded model back");
        assertTrue(loader.models.get("m/1").closed);
        r.load("m");
        assertNotNull(r.acquire("m", null));
        assertThrows(IllegalArgumentException.class, () -> r.load("missing"));
    }

    @Test
    void aRemovedModelFolderStopsServing() throws Exception {
        publish("m", "1", "one");
        ModelRepository r = repository(VersionPolicy.LATEST);
        r.poll();
        for (String f : List.of("m/1/model.onnx", "m/1/model.json", "m/1", "m")) {
            Files.delete(repo.resolve(f));
        }
        r.poll();
        assertNull(r.acquire("m", null));
        assertTrue(loader.models.get("m/1").closed);
    }

    @Test
    void aPackageStillBeingWrittenIsLeftForALaterPoll() throws Exception {
        publish("m", "1", "one");
        TestPackages.age(repo.resolve("m/1"));
        ModelRepository r = new ModelRepository(
                repo, VersionPolicy.LATEST, Map.of(), loader, () -> null, RepositoryEvents.NONE, 30_000);
        r.poll();
        assertNotNull(r.acquire("m", null));
        publish("m", "2", "two"); // just written: within the settle time
        r.poll();
        try (Lease l = r.acquire("m", null)) {
            assertEquals("1", l.version().version());
        }
        assertFalse(loader.loads.contains("m/2"));
    }
}
