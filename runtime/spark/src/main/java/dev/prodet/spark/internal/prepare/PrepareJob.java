package dev.prodet.spark.internal.prepare;

import dev.prodet.data.prepare.DatasetPreparation;
import dev.prodet.data.prepare.PreparationSummary;
import dev.prodet.data.prepare.VideoResult;
import dev.prodet.data.prepare.VideoTask;
import dev.prodet.face.FacePipelines;
import dev.prodet.spark.internal.executor.ExecutorModels;
import dev.prodet.spark.internal.executor.ShippedFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * The driver side of {@code prepare}: {@link DatasetPreparation} plans on the driver (which videos are already
 * prepared), Spark runs one task per remaining video ({@link DatasetPreparation#prepareVideo} on an executor, which
 * writes that video's crops), and the driver writes the manifest and report from the collected entries. Sources and
 * the dataset folder must be on a file system every executor sees at the same path.
 */
public final class PrepareJob {

    /**
     * What to prepare.
     *
     * @param layout {@code ffpp}, {@code celebdf}, {@code folder}, or {@code sample} (the sample dataset from the
     *     fetched assets; {@code root} is then the assets folder)
     * @param compression FaceForensics++ compression
     * @param root the dataset's root folder
     * @param out the dataset folder to write
     * @param assets the folder with the face models
     * @param framesPerVideo frames sampled per video
     */
    public record Settings(String layout, String compression, Path root, Path out, Path assets, int framesPerVideo) {}

    private PrepareJob() {}

    /** Prepares the dataset. */
    public static PreparationSummary run(SparkSession spark, Settings s) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ShippedFolder assets = ShippedFolder.of(jsc, s.assets(), FacePipelines.assetFiles(), "faces");
        int cpus = spark.sparkContext().getConf().getInt("spark.task.cpus", 1);
        Function<VideoTask, VideoResult> work = prepareOne(assets, cpus);
        DatasetPreparation.VideoRunner runner =
                tasks -> jsc.parallelize(tasks, tasks.size()).map(work).collect();
        if (s.layout().equals("sample")) {
            return DatasetPreparation.sample(s.root(), s.out(), s.framesPerVideo(), FacePipelines.info(), runner);
        }
        return DatasetPreparation.prepare(
                s.layout(), s.compression(), s.root(), s.out(), s.framesPerVideo(), FacePipelines.info(), runner);
    }

    private static Function<VideoTask, VideoResult> prepareOne(ShippedFolder assets, int cpus) {
        return task -> {
            try {
                return DatasetPreparation.prepareVideo(ExecutorModels.faces(assets, cpus), task);
            } catch (RuntimeException e) { // the face models cannot be loaded here
                return new VideoResult(task.file(), null, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        };
    }

    /** Layouts {@code --dataset} accepts. */
    public static List<String> layouts() {
        List<String> all = new java.util.ArrayList<>(DatasetPreparation.layouts());
        all.add("sample");
        return all;
    }
}
