package dev.prodet.spark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.face.FacePipelines;
import dev.prodet.serve.internal.TestPackages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark jobs as a user runs them: {@code ./prodet} (OSGi) prepares the sample data and evaluates a model
 * package; the {@code prodet-spark} launcher runs {@code prepare} and {@code scan} on a standalone cluster (master
 * and worker in their own JVMs on loopback) and {@code scan} in local mode. Same manifest and crops, same per-face
 * scores (1e-5), and bad items reported in the table while the job finishes. Few frames per video, a 64-pixel model:
 * the point is agreement, not accuracy.
 */
class SparkJobsIT {
    private static final int FRAMES = 4;
    private static final Path MODULE =
            Path.of(System.getProperty("prodet.spark.module", ".")).toAbsolutePath();
    private static final Path ROOT = MODULE.resolve("../..").normalize();
    private static final Path LAUNCHER = MODULE.resolve("src/main/bin/prodet-spark");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static Path assets;
    static Path pkg;
    static Path testList;
    static Path osgiSample;
    static StandaloneCluster cluster;
    static SparkSession reader;

    @BeforeAll
    static void setUp() throws Exception {
        assets = FacePipelines.defaultAssetsDir();
        assumeTrue(
                Files.isRegularFile(assets.resolve("videos/cap13_edit2.mp4")),
                "skipped: the demo videos are needed in " + assets + "; run ./prodet data fetch");
        pkg = TestPackages.export(work.resolve("models"), "spark-it", "1", 11, FacePipelines.info(), 64)
                .dir();
        testList = work.resolve("test-split.txt"); // the sample's test split, as sources
        Files.writeString(
                testList,
                String.join(
                                "\n",
                                assets.resolve("videos/cap13_edit2.mp4").toString(),
                                assets.resolve("images/astronaut.png").toString(),
                                assets.resolve("images/grace_hopper.jpg").toString())
                        + "\n");
        osgiSample = work.resolve("sample-osgi");
        ok(prodet("data", "sample", "--out", osgiSample.toString(), "--frames", String.valueOf(FRAMES)), "data sample");
        List<String> sparkJars = lines(MODULE.resolve("target/classpath-spark.txt"));
        cluster = StandaloneCluster.start(
                Files.createDirectories(work.resolve("cluster")), sparkJars, moduleOptions(), 2);
        reader = SparkSession.builder()
                .master("local[1]")
                .appName("read")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void tearDown() {
        if (reader != null) {
            reader.stop();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void scanOnTheClusterScoresEveryFaceAsLocalModeAndAsEvaluation() throws Exception {
        Path evalDir = work.resolve("eval");
        ok(
                prodet(
                        "eval",
                        "--model",
                        pkg.toString(),
                        "--dataset",
                        osgiSample.toString(),
                        "--forge",
                        "all",
                        "--out",
                        evalDir.toString()),
                "eval");
        Path onCluster = work.resolve("cluster.parquet");
        Path local = work.resolve("local.parquet");
        ok(scanTestSplit(onCluster, cluster.masterUrl()), "scan on the cluster");
        ok(scanTestSplit(local, "local[2]"), "scan in local mode");

        Map<String, Double> clusterFaces = faceScores(onCluster);
        Map<String, Double> localFaces = faceScores(local);
        assertEquals(localFaces.keySet(), clusterFaces.keySet());
        for (var e : localFaces.entrySet()) {
            assertEquals(e.getValue(), clusterFaces.get(e.getKey()), 1e-5, e.getKey());
        }
        Map<String, Double> evaluated = evalScores(evalDir.resolve("predictions.csv"), osgiSample);
        assertFalse(evaluated.isEmpty(), "evaluation scored no real face");
        for (var e : evaluated.entrySet()) { // eval keeps the largest face of a frame: face 0 of the scan
            Double scanned = clusterFaces.get(e.getKey() + "#0");
            assertTrue(scanned != null, "the scan has no face for " + e.getKey());
            assertEquals(e.getValue(), scanned, 1e-5, e.getKey());
        }
        for (Row r : reader.read().parquet(onCluster.toString()).collectAsList()) {
            assertEquals("spark-it", r.getAs("model_name"));
            assertEquals("1", r.getAs("model_version"));
            assertEquals(64, ((String) r.getAs("model_sha256")).length());
        }
    }

    @Test
    void prepareOnTheClusterWritesTheManifestAndCropsOfDataPrepare() throws Exception {
        Path onCluster = work.resolve("sample-cluster");
        ok(
                sparkJob(
                        "prepare",
                        "--dataset",
                        "sample",
                        "--root",
                        assets.toString(),
                        "--out",
                        onCluster.toString(),
                        "--frames",
                        String.valueOf(FRAMES),
                        "--master",
                        cluster.masterUrl()),
                "prepare on the cluster");
        JsonNode expected = JSON.readTree(osgiSample.resolve("manifest.json").toFile());
        JsonNode actual = JSON.readTree(onCluster.resolve("manifest.json").toFile());
        assertEquals(expected, actual);
        int files = 0;
        for (JsonNode v : actual.get("videos")) {
            for (JsonNode f : v.get("frames")) {
                assertEquals(
                        f.get("sha256").asText(),
                        sha256(onCluster.resolve(f.get("path").asText())));
                assertEquals(
                        f.get("landmarksSha256").asText(),
                        sha256(onCluster.resolve(f.get("landmarks").asText())));
                files++;
            }
        }
        assertTrue(files > 0, "no crop was written");
    }

    @Test
    void badItemsAreReportedWithTheirReasonAndTheJobFinishes() throws Exception {
        Path bad = Files.createDirectories(work.resolve("bad"));
        Files.write(bad.resolve("corrupt.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 1, 2, 3});
        byte[] png = Files.readAllBytes(assets.resolve("images/astronaut.png"));
        Files.write(bad.resolve("truncated.png"), java.util.Arrays.copyOf(png, 200));
        Files.createDirectories(bad.resolve("folder.mp4"));
        Path list = work.resolve("bad.txt");
        Files.writeString(
                list,
                String.join(
                                "\n",
                                bad.resolve("corrupt.mp4").toString(),
                                bad.resolve("truncated.png").toString(),
                                bad.resolve("folder.mp4").toString(),
                                bad.resolve("missing.jpg").toString(),
                                assets.resolve("images/grace_hopper.jpg").toString())
                        + "\n");
        Path out = work.resolve("bad.parquet");
        Proc.Result r = sparkJob(
                "scan",
                "--list",
                list.toString(),
                "--model",
                pkg.toString(),
                "--out",
                out.toString(),
                "--frames",
                "2",
                "--master",
                cluster.masterUrl());
        assertEquals(1, r.status(), "some items failed, the job finished: " + r.output());
        Map<String, String> errors = mediaErrors(out);
        assertEquals(5, errors.size(), errors.toString());
        assertTrue(errors.get(bad.resolve("corrupt.mp4").toString()).contains("corrupt.mp4"), errors.toString());
        assertTrue(errors.get(bad.resolve("truncated.png").toString()).contains("truncated.png"), errors.toString());
        assertTrue(errors.get(bad.resolve("folder.mp4").toString()).contains("is a folder"), errors.toString());
        assertTrue(errors.get(bad.resolve("missing.jpg").toString()).contains("no such file"), errors.toString());
        assertEquals("", errors.get(assets.resolve("images/grace_hopper.jpg").toString()), "the good item failed");

        Path noModel = work.resolve("no-model.parquet");
        Proc.Result m = sparkJob(
                "scan",
                "--list",
                list.toString(),
                "--model",
                work.resolve("absent").toString(),
                "--out",
                noModel.toString(),
                "--master",
                "local[1]");
        assertEquals(1, m.status(), m.output());
        Map<String, String> withoutModel = mediaErrors(noModel);
        assertEquals(5, withoutModel.size(), withoutModel.toString());
        withoutModel.forEach((source, reason) -> { // the item's own problem first, else the model's
            String expected = source.endsWith("missing.jpg") ? "no such file" : "absent";
            assertTrue(reason.contains(expected), source + ": " + reason);
        });
    }

    // --- helpers

    private static Proc.Result scanTestSplit(Path out, String master) throws Exception {
        return sparkJob(
                "scan",
                "--list",
                testList.toString(),
                "--model",
                pkg.toString(),
                "--out",
                out.toString(),
                "--frames",
                String.valueOf(FRAMES),
                "--master",
                master);
    }

    /** Face rows as {@code source@frameIndex#faceIndex} to score. */
    private static Map<String, Double> faceScores(Path table) {
        Map<String, Double> out = new HashMap<>();
        for (Row r :
                reader.read().parquet(table.toString()).filter("level = 'face'").collectAsList()) {
            out.put(r.getAs("source") + "@" + r.getAs("frame_index") + "#" + r.getAs("face_index"), r.getAs("score"));
        }
        return out;
    }

    /** Media rows: source to error ("" when it was scanned). */
    private static Map<String, String> mediaErrors(Path table) {
        Map<String, String> out = new HashMap<>();
        for (Row r : reader.read()
                .parquet(table.toString())
                .filter("level = 'media'")
                .collectAsList()) {
            String e = r.getAs("error");
            out.put(r.getAs("source"), e == null ? "" : e);
        }
        return out;
    }

    /** Evaluation's real-face scores as {@code source@frameIndex}, the source found through the manifest. */
    private static Map<String, Double> evalScores(Path csv, Path dataset) throws Exception {
        JsonNode manifest = JSON.readTree(dataset.resolve("manifest.json").toFile());
        Map<String, String> sourceOfCrop = new HashMap<>();
        for (JsonNode v : manifest.get("videos")) {
            String source = Path.of(manifest.get("sourceRoot").asText())
                    .resolve(v.get("source").asText())
                    .toString();
            for (JsonNode f : v.get("frames")) {
                sourceOfCrop.put(
                        f.get("path").asText(),
                        source + "@" + f.get("frameIndex").asInt());
            }
        }
        Map<String, Double> out = new HashMap<>();
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : rows.subList(1, rows.size())) { // dataset,video,frame,score,label,path
            String[] c = line.split(",");
            String key = sourceOfCrop.get(c[5]);
            if (c[4].equals("0") && key != null) {
                out.put(key, Double.parseDouble(c[3]));
            }
        }
        return out;
    }

    private static Proc.Result prodet(String... args) throws Exception {
        List<String> cmd =
                new ArrayList<>(List.of("bash", ROOT.resolve("prodet").toString()));
        cmd.addAll(List.of(args));
        return Proc.run(cmd, ROOT, Map.of(), work.resolve("prodet-" + args[0] + ".log"), 300);
    }

    private static Proc.Result sparkJob(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(work, "spark-" + args[0], ".log");
        return Proc.run(cmd, ROOT, Map.of("PRODET_JAVA_OPTS", "-Xmx1g", "SPARK_LOCAL_IP", "127.0.0.1"), log, 300);
    }

    private static void ok(Proc.Result r, String what) {
        assertEquals(0, r.status(), what + " failed:\n" + r.output());
    }

    private static List<String> moduleOptions() {
        List<String> out = new ArrayList<>();
        for (String o : org.apache.spark.launcher.JavaModuleOptions.defaultModuleOptionArray()) {
            if (!o.startsWith("--add-modules")) {
                out.add(o);
            }
        }
        return out;
    }

    private static List<String> lines(Path file) throws Exception {
        return List.of(Files.readString(file).strip().split(":"));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
