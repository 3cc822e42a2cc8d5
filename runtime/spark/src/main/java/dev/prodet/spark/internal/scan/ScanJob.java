package dev.prodet.spark.internal.scan;

import dev.prodet.api.model.ModelMetadata;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.ModelPackageException;
import dev.prodet.api.model.Scorer;
import dev.prodet.face.FacePipelines;
import dev.prodet.face.StandaloneFacePreprocessor;
import dev.prodet.spark.internal.executor.ExecutorModels;
import dev.prodet.spark.internal.executor.ShippedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The driver side of {@code scan}: lists the items, checks the model package and the face models once, ships them,
 * runs one task per item (up to {@value #MAX_TASKS} tasks), writes the Parquet table and reads it back for the
 * summary. A missing model or face model, an unreadable or corrupt item fails the items it concerns, each with its
 * reason in the table; the job itself finishes.
 */
public final class ScanJob {

    /** More items than this share tasks. */
    static final int MAX_TASKS = 10_000;

    /**
     * What to scan and how.
     *
     * @param input a folder (scanned recursively) or one file; or {@code null}
     * @param list a file listing paths; or {@code null}
     * @param model the model package folder
     * @param out the Parquet output (a folder, as Spark writes it)
     * @param assets the folder with the face models
     * @param framesPerVideo frames sampled per video
     * @param batch faces per scorer call
     * @param maxFaces faces scored per frame
     * @param overwrite whether an existing output may be replaced
     */
    public record Settings(
            Path input,
            Path list,
            Path model,
            String out,
            Path assets,
            int framesPerVideo,
            int batch,
            int maxFaces,
            boolean overwrite) {}

    private ScanJob() {}

    /** Runs the scan; the summary counts what the written table holds. */
    public static ScanSummary run(SparkSession spark, Settings s) throws IOException {
        long start = System.nanoTime();
        if (s.out().matches(".*[\\[\\]{}*?].*")) { // Hadoop paths read these as a glob pattern
            throw new IllegalArgumentException("--out must not contain [ ] { } * or ?, got " + s.out());
        }
        if (!s.overwrite() && Files.exists(Path.of(s.out()))) {
            throw new IllegalArgumentException(s.out() + " exists; choose another --out or pass --overwrite");
        }
        Map<String, String> items = ScanInputs.list(s.input(), s.list());
        if (items.isEmpty()) {
            throw new IllegalArgumentException(
                    "no images or videos found in " + (s.input() != null ? s.input() : s.list()));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ModelRef model = null;
        String problem = null;
        ShippedFolder pkg = null;
        ShippedFolder assets = null;
        try {
            ModelMetadata md = ModelPackage.open(s.model()).metadata();
            model = new ModelRef(md.name(), md.version(), md.sha256(), md.threshold());
            pkg = ShippedFolder.of(
                    jsc,
                    s.model(),
                    List.of(ModelPackage.MODEL_FILE, ModelPackage.METADATA_FILE),
                    "model-" + md.sha256().substring(0, 12));
        } catch (ModelPackageException e) {
            problem = "model package " + s.model() + ": " + e.getMessage();
        }
        if (problem == null) {
            problem = missingAssets(s.assets());
        }
        if (problem == null) {
            assets = ShippedFolder.of(jsc, s.assets(), FacePipelines.assetFiles(), "faces");
        }
        List<Row> refused = new ArrayList<>();
        List<String> todo = new ArrayList<>();
        for (Map.Entry<String, String> e : items.entrySet()) {
            String reason = e.getValue() != null ? e.getValue() : problem;
            if (reason != null) {
                refused.add(ScanRows.failed(e.getKey(), null, reason, model));
            } else {
                todo.add(e.getKey());
            }
        }
        JavaRDD<Row> rows = jsc.parallelize(refused, 1);
        if (!todo.isEmpty()) {
            int cpus = spark.sparkContext().getConf().getInt("spark.task.cpus", 1);
            FlatMapFunction<String, Row> work = scanner(assets, pkg, model, s, cpus);
            rows = rows.union(
                    jsc.parallelize(todo, Math.min(todo.size(), MAX_TASKS)).flatMap(work));
        }
        Dataset<Row> table = spark.createDataFrame(rows, ScanRows.SCHEMA);
        table.write()
                .mode(s.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists)
                .parquet(s.out());
        double seconds = (System.nanoTime() - start) / 1e9;
        return ScanSummary.of(spark.read().parquet(s.out()), s.out(), seconds);
    }

    // a static factory, so the function captures only its serialisable arguments
    private static FlatMapFunction<String, Row> scanner(
            ShippedFolder assets, ShippedFolder pkg, ModelRef model, Settings s, int cpus) {
        int frames = s.framesPerVideo();
        int batch = s.batch();
        int maxFaces = s.maxFaces();
        return source -> {
            StandaloneFacePreprocessor faces;
            Scorer scorer;
            try {
                faces = ExecutorModels.faces(assets, cpus);
                scorer = ExecutorModels.scorer(pkg, cpus);
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                return List.of(ScanRows.failed(source, null, "cannot load the models on this executor: " + why, model))
                        .iterator();
            }
            return new MediaScanner(faces, scorer, model, frames, batch, maxFaces)
                    .scan(source)
                    .iterator();
        };
    }

    private static String missingAssets(Path assets) {
        for (String f : FacePipelines.assetFiles()) {
            if (!Files.isRegularFile(assets.resolve(f))) {
                return "face model " + assets.resolve(f) + " not found; run './prodet data fetch' (or set "
                        + "PRODET_HOME / -Dprodet.assets.dir to where the assets are)";
            }
        }
        return null;
    }
}
