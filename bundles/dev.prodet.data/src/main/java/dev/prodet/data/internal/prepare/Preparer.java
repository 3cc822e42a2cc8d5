package dev.prodet.data.internal.prepare;

import dev.prodet.api.data.Label;
import dev.prodet.api.data.Split;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.data.internal.manifest.FrameEntry;
import dev.prodet.data.internal.manifest.Manifest;
import dev.prodet.data.internal.manifest.ManifestIo;
import dev.prodet.data.internal.manifest.VideoEntry;
import dev.prodet.data.internal.source.SourceItem;
import dev.prodet.data.prepare.DatasetPreparation;
import dev.prodet.data.prepare.VideoResult;
import dev.prodet.data.prepare.VideoTask;
import dev.prodet.face.FacePreprocessor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Prepares a dataset folder from a list of sources. A video whose entry in the existing manifest has the same
 * source size and modification time, the same id, label and split, the same preprocessor and frames per video,
 * and whose files all exist, is kept as it is; so a second run over unchanged sources decodes nothing and leaves
 * the manifest untouched. Each failed video is recorded with its path and reason and the others go on.
 */
public final class Preparer {

    /** File name of the run report inside the dataset folder. */
    public static final String REPORT = "report.json";

    private final FacePreprocessor faces;
    private final FacePreprocessorInfo info;
    private final int framesPerVideo;
    private final int threads;
    private final PrintStream console;
    private final DatasetPreparation.VideoRunner runner;

    /**
     * @param faces the face preprocessor (thread-safe)
     * @param framesPerVideo frames sampled per video
     * @param threads parallel videos (all cores: {@code Runtime.availableProcessors()})
     * @param console where the progress bar goes
     */
    public Preparer(FacePreprocessor faces, int framesPerVideo, int threads, PrintStream console) {
        if (framesPerVideo < 1 || threads < 1) {
            throw new IllegalArgumentException(
                    "frames per video and threads must be >= 1, got " + framesPerVideo + " and " + threads);
        }
        this.faces = faces;
        this.info = faces.info();
        this.framesPerVideo = framesPerVideo;
        this.threads = threads;
        this.console = console;
        this.runner = null;
    }

    /**
     * A preparer that hands the videos to be prepared to {@code runner} (a cluster), which prepares each with
     * {@link #prepareVideo}; planning, manifest and report stay here.
     *
     * @param info id and version of the face preprocessor the runner's workers use
     */
    public Preparer(FacePreprocessorInfo info, int framesPerVideo, DatasetPreparation.VideoRunner runner) {
        if (framesPerVideo < 1) {
            throw new IllegalArgumentException("frames per video must be >= 1, got " + framesPerVideo);
        }
        this.faces = null;
        this.info = info;
        this.framesPerVideo = framesPerVideo;
        this.threads = 1;
        this.console = null;
        this.runner = runner;
    }

    /**
     * Prepares {@code items} into {@code out} and writes {@code manifest.json} (when anything changed) and
     * {@code report.json}.
     */
    public PrepareReport prepare(String name, Path sourceRoot, List<SourceItem> items, Path out) throws IOException {
        Files.createDirectories(out);
        Map<String, VideoEntry> previous = reusable(out, info);
        PrepareReport report = new PrepareReport();
        VideoEntry[] entries = new VideoEntry[items.size()];
        List<Integer> todo = new ArrayList<>();
        boolean paired = false;
        for (int i = 0; i < items.size(); i++) {
            SourceItem item = items.get(i);
            VideoEntry prev = previous.get(item.relativePath());
            if (prev != null && upToDate(prev, item, out)) {
                // pairing is metadata only: a manifest from before it was recorded gets it without decoding again
                paired |= !Objects.equals(prev.original(), item.original())
                        || !Objects.equals(prev.method(), item.method());
                entries[i] = prev.withPairing(item.original(), item.method());
                report.skippedUpToDate();
            } else {
                todo.add(i);
            }
        }
        if (!todo.isEmpty() && runner != null) {
            runElsewhere(items, todo, entries, out, report);
        } else if (!todo.isEmpty()) {
            run(items, todo, entries, out, report);
        }
        List<VideoEntry> kept = new ArrayList<>();
        for (VideoEntry e : entries) {
            if (e != null) {
                kept.add(e);
            }
        }
        Manifest manifest = new Manifest(
                Manifest.FORMAT, name, sourceRoot.toString(), info.id(), info.version(), framesPerVideo, kept);
        if (report.prepared() > 0
                || paired
                || kept.size() != previous.size()
                || !Files.exists(out.resolve(Manifest.FILE))) {
            ManifestIo.write(out, manifest);
        }
        ManifestIo.writeJson(out.resolve(REPORT), report.toJson());
        return report;
    }

    private void run(List<SourceItem> items, List<Integer> todo, VideoEntry[] entries, Path out, PrepareReport report)
            throws IOException {
        VideoPreparer preparer = new VideoPreparer(faces, out, framesPerVideo);
        Progress progress = new Progress(console, todo.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, todo.size()));
        // workers only compute; this thread reports progress, so console output stays on the caller's thread
        // (a Gogo session captures only its own thread's output)
        CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        try {
            for (int i : todo) {
                SourceItem item = items.get(i);
                done.submit(() -> {
                    try {
                        VideoEntry e = preparer.prepare(item);
                        entries[i] = e;
                        report.prepared(e.sampled(), e.frames().size(), e.dropped());
                    } catch (IOException | RuntimeException e) {
                        report.failed(item.file().toString(), reason(e));
                    }
                    return i;
                });
            }
            for (int n = 0; n < todo.size(); n++) {
                done.take().get();
                progress.step(report.faces(), report.failures().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("data preparation interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("data preparation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void runElsewhere(
            List<SourceItem> items, List<Integer> todo, VideoEntry[] entries, Path out, PrepareReport report)
            throws IOException {
        Map<String, Integer> byFile = new HashMap<>();
        List<VideoTask> tasks = new ArrayList<>();
        for (int i : todo) {
            SourceItem item = items.get(i);
            byFile.put(item.file().toString(), i);
            tasks.add(new VideoTask(
                    item.file().toString(),
                    item.relativePath(),
                    item.videoId(),
                    item.identity(),
                    item.label().name(),
                    item.split().id(),
                    out.toString(),
                    framesPerVideo));
        }
        for (VideoResult r : runner.run(tasks)) {
            Integer i = byFile.remove(r.file());
            if (i == null) {
                throw new IOException("the video runner returned a result for " + r.file() + ", which was not asked");
            }
            if (r.ok()) {
                VideoEntry e = ManifestIo.entryFromJson(r.entryJson());
                entries[i] = e;
                report.prepared(e.sampled(), e.frames().size(), e.dropped());
            } else {
                report.failed(r.file(), r.failure());
            }
        }
        for (String missing : byFile.keySet()) {
            report.failed(missing, "the video runner returned no result for it");
        }
    }

    /** Prepares one task where it runs (a cluster worker); a failure comes back with its reason. */
    public static VideoResult prepareVideo(FacePreprocessor faces, VideoTask task) {
        SourceItem item = new SourceItem(
                Path.of(task.file()),
                task.relativePath(),
                task.videoId(),
                task.identity(),
                Label.valueOf(task.label()),
                Split.parse(task.split()));
        try {
            VideoEntry e = new VideoPreparer(faces, Path.of(task.out()), task.framesPerVideo()).prepare(item);
            return new VideoResult(task.file(), ManifestIo.toJson(e), null);
        } catch (IOException | RuntimeException e) {
            return new VideoResult(task.file(), null, reason(e));
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private Map<String, VideoEntry> reusable(Path out, FacePreprocessorInfo info) throws IOException {
        Map<String, VideoEntry> map = new HashMap<>();
        if (!Files.exists(out.resolve(Manifest.FILE))) {
            return map;
        }
        Manifest old = ManifestIo.read(out);
        // crops made by another preprocessor or frame count must all be redone
        if (old.preprocessorId().equals(info.id())
                && old.preprocessorVersion().equals(info.version())
                && old.framesPerVideo() == framesPerVideo) {
            for (VideoEntry v : old.videos()) {
                map.put(v.source(), v);
            }
        }
        return map;
    }

    private static boolean upToDate(VideoEntry prev, SourceItem item, Path out) throws IOException {
        if (!Files.isRegularFile(item.file())
                || prev.size() != Files.size(item.file())
                || prev.modified() != Files.getLastModifiedTime(item.file()).toMillis()
                || !Objects.equals(prev.videoId(), item.videoId())
                || !Objects.equals(prev.identity(), item.identity())
                || !prev.label().equals(item.label().name().toLowerCase(Locale.ROOT))
                || !prev.split().equals(item.split().id())) {
            return false;
        }
        for (FrameEntry f : prev.frames()) {
            if (!Files.isRegularFile(out.resolve(f.path())) || !Files.isRegularFile(out.resolve(f.landmarks()))) {
                return false;
            }
        }
        return true;
    }
}
