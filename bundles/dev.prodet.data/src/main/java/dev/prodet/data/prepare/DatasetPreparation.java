package dev.prodet.data.prepare;

import dev.prodet.api.data.FrameIndices;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.data.internal.prepare.PrepareReport;
import dev.prodet.data.internal.prepare.Preparer;
import dev.prodet.data.internal.sample.SampleDataBuilder;
import dev.prodet.data.internal.source.SourceAdapters;
import dev.prodet.data.internal.source.SourceItem;
import dev.prodet.face.FacePreprocessor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./prodet data prepare} and {@code ./prodet data sample} with the per-video work handed to a
 * {@link VideoRunner}. Planning (which videos are already up to date), the manifest and {@code report.json} are
 * done here, by the same code as the local command, so a distributed run writes the same dataset folder.
 */
public final class DatasetPreparation {

    /** Runs the per-video work of a preparation: on local threads, or on a cluster. */
    @FunctionalInterface
    public interface VideoRunner {
        /**
         * Prepares every task, each with {@link DatasetPreparation#prepareVideo}.
         *
         * @return one result per task, in any order
         */
        List<VideoResult> run(List<VideoTask> tasks) throws IOException;
    }

    /** Frames sampled per video unless told otherwise (DeepfakeBench's 32). */
    public static final int DEFAULT_FRAMES = FrameIndices.DEFAULT_FRAMES;
    /** Frames sampled per video of the sample dataset. */
    public static final int SAMPLE_FRAMES = SampleDataBuilder.DEFAULT_FRAMES;

    private DatasetPreparation() {}

    /** Dataset layouts {@code --dataset} accepts. */
    public static List<String> layouts() {
        return SourceAdapters.NAMES;
    }

    /**
     * Prepares a dataset: lists its sources with the layout's adapter, runs the videos that need work through
     * {@code runner}, writes {@code manifest.json} and {@code report.json} into {@code out}.
     *
     * @param layout {@code ffpp}, {@code celebdf} or {@code folder}
     * @param compression FaceForensics++ compression ({@code c23} by default), ignored by other layouts
     * @param faces the preprocessor the workers use (its id and version go into the manifest)
     * @throws IOException when the root does not follow the layout or the dataset folder cannot be written
     */
    public static PreparationSummary prepare(
            String layout,
            String compression,
            Path root,
            Path out,
            int framesPerVideo,
            FacePreprocessorInfo faces,
            VideoRunner runner)
            throws IOException {
        var adapter = SourceAdapters.byName(layout, compression);
        List<SourceItem> items = adapter.list(root);
        return summary(new Preparer(faces, framesPerVideo, runner).prepare(adapter.name(), root, items, out));
    }

    /** The sample dataset ({@code ./prodet data sample}) from the fetched assets, its videos run by {@code runner}. */
    public static PreparationSummary sample(
            Path assets, Path out, int framesPerVideo, FacePreprocessorInfo faces, VideoRunner runner)
            throws IOException {
        PrepareReport report = new Preparer(faces, framesPerVideo, runner)
                .prepare(SampleDataBuilder.NAME, assets, SampleDataBuilder.sources(assets), out);
        SampleDataBuilder.markValidation(out); // as ./prodet data sample does
        return summary(report);
    }

    /**
     * Prepares one video where it runs: samples its frames, aligns the largest face of each, writes the crops and
     * landmarks below the task's dataset folder. Never throws for bad media: a failure is returned with its reason.
     */
    public static VideoResult prepareVideo(FacePreprocessor faces, VideoTask task) {
        return Preparer.prepareVideo(faces, task);
    }

    private static PreparationSummary summary(PrepareReport r) {
        return new PreparationSummary(
                r.prepared(),
                r.upToDate(),
                r.faces(),
                r.failures().stream().map(f -> f.source() + ": " + f.reason()).toList(),
                r.summary());
    }
}
