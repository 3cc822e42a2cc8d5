package dev.prodet.data.internal.dataset;

import dev.prodet.api.data.Dataset;
import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Label;
import dev.prodet.api.data.ManipulationPairs;
import dev.prodet.api.data.Split;
import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.data.internal.manifest.DatasetFiles;
import dev.prodet.data.internal.manifest.FrameEntry;
import dev.prodet.data.internal.manifest.Manifest;
import dev.prodet.data.internal.manifest.ManifestIo;
import dev.prodet.data.internal.manifest.VideoEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A prepared dataset folder as a {@link Dataset}. The sample lists are views that read a crop and its landmarks
 * when an element is read, so a large dataset is not loaded at once.
 */
public final class ManifestDataset implements Dataset {

    private record Ref(VideoEntry video, FrameEntry frame) {}

    private final Path dir;
    private final Manifest manifest;
    private final FacePreprocessorInfo info;
    private final Map<Split, List<Ref>> bySplit = new EnumMap<>(Split.class);
    /** Manipulated videos by the real video they were made from, then by method. */
    private final Map<String, Map<String, List<VideoEntry>>> manipulations = new HashMap<>();

    private final Set<String> methods = new TreeSet<>();

    private ManifestDataset(Path dir, Manifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
        this.info = new FacePreprocessorInfo(manifest.preprocessorId(), manifest.preprocessorVersion());
        for (Split s : Split.values()) {
            bySplit.put(s, new ArrayList<>());
        }
        for (VideoEntry v : manifest.videos()) {
            for (FrameEntry f : v.frames()) {
                bySplit.get(Split.parse(v.split())).add(new Ref(v, f));
            }
            if (v.original() != null) {
                manipulations
                        .computeIfAbsent(v.original(), k -> new HashMap<>())
                        .computeIfAbsent(v.method(), k -> new ArrayList<>())
                        .add(v);
                methods.add(v.method());
            }
        }
    }

    /**
     * Opens a dataset folder.
     *
     * @throws IOException when its manifest is missing or invalid; the message names the file
     */
    public static ManifestDataset open(Path dir) throws IOException {
        return new ManifestDataset(dir, ManifestIo.read(dir));
    }

    /** The manifest. */
    public Manifest manifest() {
        return manifest;
    }

    @Override
    public String name() {
        return manifest.name();
    }

    @Override
    public List<FaceSample> samples(Split split) {
        List<Ref> refs = bySplit.get(split);
        return new AbstractList<>() {
            @Override
            public FaceSample get(int i) {
                return load(refs.get(i));
            }

            @Override
            public int size() {
                return refs.size();
            }
        };
    }

    @Override
    public int size(Split split) {
        return bySplit.get(split).size();
    }

    /**
     * The manipulated frames paired with real ones, as the adapter recorded them at preparation: for a real frame,
     * the frame with the same sample index of each manipulated video made from its video.
     */
    @Override
    public ManipulationPairs manipulationPairs() {
        if (methods.isEmpty()) {
            return ManipulationPairs.NONE;
        }
        return new ManipulationPairs() {
            @Override
            public Set<String> methods() {
                return java.util.Collections.unmodifiableSet(methods);
            }

            @Override
            public List<FaceSample> manipulated(FaceSample real, String method) {
                List<VideoEntry> videos =
                        manipulations.getOrDefault(real.videoId(), Map.of()).getOrDefault(method, List.of());
                List<FaceSample> out = new ArrayList<>();
                for (VideoEntry v : videos) {
                    for (FrameEntry f : v.frames()) {
                        if (f.sample() == real.frameIndex()) {
                            out.add(load(new Ref(v, f)));
                        }
                    }
                }
                return out;
            }
        };
    }

    private FaceSample load(Ref r) {
        try {
            AlignedFace face = new AlignedFace(
                    DatasetFiles.readImage(dir.resolve(r.frame().path())),
                    DatasetFiles.readNpy(dir.resolve(r.frame().landmarks())),
                    null,
                    info);
            return new FaceSample(
                    face,
                    r.video().videoId(),
                    r.video().identity(),
                    Label.valueOf(r.video().label().toUpperCase(Locale.ROOT)),
                    r.frame().sample(),
                    r.frame().path());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot load sample " + r.frame().path() + " of dataset " + dir + ": " + e.getMessage(), e);
        }
    }
}
