package dev.prodet.train.djl.internal.data;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.forgery.NoDonorException;
import dev.prodet.api.forgery.NoPairException;
import dev.prodet.train.djl.internal.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Makes one aligned training tuple the way the official code does (method.md §2.2, §3, §4):
 * <ol>
 *   <li>a real frame is the target (only real frames, {@link RealFaces});
 *   <li>SBI forges it and hands back the background it blended into (the target, augmented half of the time); that
 *       background <em>is</em> the REAL anchor, and CBI (and any other blend generator) forges it in turn, so the
 *       real anchor, SBI and CBI share their pixels outside the blend masks;
 *   <li>the deepfake anchor is made from the frame itself (FaceForensics++: the manipulated frame of the same video
 *       and time, method.md §4.3), not from SBI's background;
 *   <li>one draw of the joint augmentation (colour shift, HSV, brightness/contrast, JPEG) is applied to every image
 *       of the tuple.
 * </ol>
 * Every random choice derives from (seed, step, row), so a tuple does not depend on the thread that made it.
 */
public final class TupleMaker {
    /** Attempts at a row before a missing CBI donor stops the run. */
    static final int MAX_ATTEMPTS = 20;

    private static final int AUGMENTATION_STREAM = 8;

    /**
     * One tuple.
     *
     * @param face the real frame it was made from
     * @param layout the anchors, in batch order
     * @param images the anchors' images in {@code layout} order, after the joint augmentation
     * @param forgeries what each generator returned, in {@code layout} order, {@code null} at REAL
     * @param augmentation the one augmentation draw applied to all of {@code images}
     */
    public record Tuple(
            FaceSample face,
            List<AnchorKind> layout,
            List<RgbImage> images,
            List<Forgery> forgeries,
            TupleAugmentation augmentation) {}

    private final RealFaces faces;
    private final List<AnchorKind> layout;
    private final Map<AnchorKind, ForgeryGenerator> generators;
    private final TupleAugmentation.Settings augmentation;
    private final long seed;

    /**
     * @param layout anchors of a tuple, REAL first
     * @param generators the generator of every anchor of {@code layout} but REAL
     * @param augmentation how tuples are augmented ({@link TupleAugmentation.Settings#OFFICIAL}: ProDet's joint
     *     augmentation)
     */
    public TupleMaker(
            RealFaces faces,
            List<AnchorKind> layout,
            Map<AnchorKind, ForgeryGenerator> generators,
            TupleAugmentation.Settings augmentation,
            long seed) {
        if (layout.isEmpty()
                || layout.get(0) != AnchorKind.REAL
                || layout.size() != Set.copyOf(layout).size()) {
            throw new IllegalArgumentException(
                    "tuple layout must start with REAL and name each anchor once: " + layout);
        }
        for (AnchorKind a : layout) {
            if (a != AnchorKind.REAL && !generators.containsKey(a)) {
                throw new IllegalArgumentException("no generator for anchor " + a);
            }
        }
        this.faces = faces;
        this.layout = List.copyOf(layout);
        this.generators = Map.copyOf(generators);
        this.augmentation = augmentation;
        this.seed = seed;
    }

    /** The anchors of a tuple, in batch order. */
    public List<AnchorKind> layout() {
        return layout;
    }

    /**
     * The tuple of row {@code row} of step {@code step}: its frame is drawn with {@code picks}, again when the
     * frame has no donor from another video (counted in {@code noDonor}).
     *
     * @throws IllegalStateException after {@value #MAX_ATTEMPTS} frames without a donor
     */
    public Tuple make(long step, int row, RandomGenerator picks, Runnable noDonor) {
        for (int attempt = 0; ; attempt++) {
            FaceSample face = faces.face(faces.draw(picks));
            try {
                return makeFrom(face, step, row);
            } catch (NoDonorException e) {
                noDonor.run(); // counted, never replaced by a self blend
                if (attempt + 1 >= MAX_ATTEMPTS) {
                    throw new IllegalStateException(
                            e instanceof NoPairException
                                    ? MAX_ATTEMPTS + " real faces in a row have no paired manipulated frame (last: "
                                            + e.getMessage() + "); check the dataset's manipulated videos"
                                    : "no face of the training split has a CBI donor from another video (last: "
                                            + e.getMessage() + "); add videos of other people",
                            e);
                }
            }
        }
    }

    /** The tuple made from {@code face} at (step, row). */
    public Tuple makeFrom(FaceSample face, long step, int row) {
        ForgeryContext donors = faces.donors();
        Map<AnchorKind, Forgery> made = new EnumMap<>(AnchorKind.class);
        FaceSample target = face; // carries the tuple's background as its crop
        for (AnchorKind a : AnchorKind.values()) { // path order: SBI's background exists before CBI needs it
            if (a == AnchorKind.REAL || !layout.contains(a)) {
                continue;
            }
            FaceSample input = a == AnchorKind.DEEPFAKE ? face : target;
            Forgery f = generators.get(a).generate(input, donors, rng(step, row, a.ordinal()));
            made.put(a, f);
            if (f.background() != null && a != AnchorKind.DEEPFAKE) {
                target = face.withImage(f.background());
            }
        }
        TupleAugmentation aug = TupleAugmentation.draw(augmentation, rng(step, row, AUGMENTATION_STREAM));
        List<RgbImage> images = new ArrayList<>(layout.size());
        List<Forgery> forgeries = new ArrayList<>(layout.size());
        for (AnchorKind a : layout) {
            Forgery f = made.get(a);
            forgeries.add(f);
            images.add(aug.apply(a == AnchorKind.REAL ? target.face().image() : f.image()));
        }
        return new Tuple(face, layout, images, Collections.unmodifiableList(forgeries), aug);
    }

    private SplittableRandom rng(long step, int row, int stream) {
        return new SplittableRandom(Seeds.mix(Seeds.mix(seed, step), row * 16L + stream));
    }

    @Override
    public String toString() {
        return "TupleMaker[" + layout + ", " + augmentation + "]";
    }
}
