package dev.prodet.eval.internal.run;

import dev.prodet.api.data.Dataset;
import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Label;
import dev.prodet.api.data.Split;
import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.forgery.NoDonorException;
import dev.prodet.forgery.blend.LandmarkDonorIndex;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A dataset whose split gets fake faces made by forgery generators from its real faces: for datasets that hold only
 * real footage, such as the sample data (every source is real; forgeries come from the generator plugins). Each
 * generator turns every real face into one fake face of the video {@code <generator>/<video id>}; forgeries are made
 * when read, deterministically from the seed and the face's index, so every pass sees the same images.
 */
public final class ForgedDataset implements Dataset {
    /** Donor pool cap: donors are held in memory with their crops. */
    static final int MAX_DONORS = 1000;

    private final Dataset base;
    private final Split split;
    private final Map<String, ForgeryGenerator> generators;
    private final long seed;
    private List<FaceSample> view;

    /**
     * @param split the split that gets the forgeries (the evaluated one)
     * @param generators generators by plugin name, at least one
     */
    public ForgedDataset(Dataset base, Split split, Map<String, ForgeryGenerator> generators, long seed) {
        if (generators.isEmpty()) {
            throw new IllegalArgumentException("forging needs at least one generator");
        }
        this.base = base;
        this.split = split;
        this.generators = new TreeMap<>(generators);
        this.seed = seed;
    }

    @Override
    public String name() {
        return base.name() + "+" + String.join("+", generators.keySet());
    }

    @Override
    public synchronized List<FaceSample> samples(Split s) {
        if (s != split) {
            return base.samples(s);
        }
        if (view == null) {
            view = build();
        }
        return view;
    }

    /**
     * The generators that can forge {@code base} at all: each forges the split's first real face once, and one that
     * refuses the dataset itself (an {@link IllegalStateException}, e.g. the paired generator on a dataset without
     * manipulated videos) is left out and reported to {@code skipped}. For {@code --forge all}, which means "every
     * generator that applies"; a generator named explicitly is never left out.
     */
    public static Map<String, ForgeryGenerator> usable(
            Dataset base, Split split, Map<String, ForgeryGenerator> generators, BiConsumer<String, String> skipped) {
        FaceSample first = null;
        for (FaceSample f : base.samples(split)) {
            if (f.label() == Label.REAL) {
                first = f;
                break;
            }
        }
        if (first == null) {
            return generators; // build() says what is wrong
        }
        ForgeryContext ctx = ForgeryContext.withPairs(LandmarkDonorIndex.of(List.of(first)), base.manipulationPairs());
        Map<String, ForgeryGenerator> usable = new TreeMap<>();
        for (Map.Entry<String, ForgeryGenerator> g : generators.entrySet()) {
            try {
                g.getValue().generate(first, ctx, new SplittableRandom(0));
                usable.put(g.getKey(), g.getValue());
            } catch (NoDonorException e) {
                usable.put(g.getKey(), g.getValue()); // one face is no donor pool; the real pool may have donors
            } catch (IllegalStateException e) {
                skipped.accept(g.getKey(), e.getMessage());
            }
        }
        return usable;
    }

    private List<FaceSample> build() {
        List<FaceSample> faces = base.samples(split);
        List<FaceSample> real = new ArrayList<>();
        for (FaceSample f : faces) { // reads every crop once: meant for small, real-only sets
            if (f.label() == Label.REAL) {
                real.add(f);
            }
        }
        if (real.isEmpty()) {
            throw new IllegalArgumentException(
                    "dataset " + base.name() + " has no real face in split " + split.id() + " to forge");
        }
        List<FaceSample> pool = new ArrayList<>();
        for (int j = 0; j < Math.min(MAX_DONORS, real.size()); j++) {
            pool.add(real.get((int) ((long) j * real.size() / Math.min(MAX_DONORS, real.size()))));
        }
        ForgeryContext donors = ForgeryContext.withPairs(LandmarkDonorIndex.of(pool), base.manipulationPairs());
        List<Map.Entry<String, ForgeryGenerator>> gens = List.copyOf(generators.entrySet());
        return new AbstractList<>() {
            @Override
            public FaceSample get(int i) {
                if (i < faces.size()) {
                    return faces.get(i);
                }
                int k = i - faces.size();
                Map.Entry<String, ForgeryGenerator> g = gens.get(k / real.size());
                FaceSample src = real.get(k % real.size());
                return forge(g.getKey(), g.getValue(), src, donors, k);
            }

            @Override
            public int size() {
                return faces.size() + gens.size() * real.size();
            }
        };
    }

    private FaceSample forge(String name, ForgeryGenerator g, FaceSample src, ForgeryContext donors, int k) {
        Forgery f;
        try {
            f = g.generate(src, donors, new SplittableRandom(seed * 1_000_003L + k));
        } catch (NoDonorException e) {
            throw new IllegalStateException(
                    "generator " + name + " found no donor for " + src.relativePath() + " (" + e.getMessage()
                            + "); forging needs real faces of at least two videos",
                    e);
        }
        AlignedFace face = new AlignedFace(
                f.image(),
                src.face().landmarks(),
                src.face().sourceBox(),
                src.face().preprocessor());
        return new FaceSample(
                face,
                name + "/" + src.videoId(),
                src.identity(),
                Label.FAKE,
                src.frameIndex(),
                "forged/" + name + "/" + src.relativePath());
    }
}
