package dev.prodet.forgery.cbi.internal;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.forgery.NoDonorException;
import dev.prodet.forgery.blend.BlendPipeline;
import dev.prodet.forgery.blend.HullMasks;
import dev.prodet.forgery.blend.HullType;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Cross-blended image as ProDet makes it (docs/method.md §4.2): a donor face from another video, one of the
 * {@code topN} nearest by landmark distance chosen uniformly at random, is pasted into the target through the SBI
 * mask pipeline after a mean-and-std colour transfer inside the deformed mask. The donor is not warped: both crops
 * are aligned to the same template and have near landmarks.
 *
 * <p>Donors come from the {@link ForgeryContext} (for example a
 * {@link dev.prodet.forgery.blend.LandmarkDonorIndex} the trainer builds over its real frames), which already
 * excludes the target's video; candidates from the same video are dropped here as well, so a faulty context can
 * never turn a CBI into a self blend. Without a donor the generator throws {@link NoDonorException} naming the
 * video; it never falls back to blending the face with itself (the silent bug of the original).
 *
 * <p>Random draws, in order: the donor, forehead drop, hull type, affine, elastic noise, mask softening, ratio.
 */
@Component(
        service = ForgeryGenerator.class,
        configurationPid = CbiGenerator.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {
            "prodet.generator.name=" + CbiGenerator.NAME,
            "prodet.generator.version=1.0.0",
            "prodet.generator.description=Cross-blended image (CBI, docs/method.md 4.2): a nearest-landmark donor face from"
                    + " another video, colour-matched and blended into the target",
            "service.ranking:Integer=0"
        })
public final class CbiGenerator implements ForgeryGenerator {

    /** The plugin name. */
    public static final String NAME = "cbi";
    /** Configuration PID. */
    public static final String PID = "dev.prodet.forgery.cbi";

    /** Optional configuration (PID {@value #PID}); without one ProDet's values apply. */
    public @interface Config {
        /** Number of nearest donors to choose from ({@code bi_topN}). */
        int topN() default 3;

        /** Soft blend ratios {0.25, 0.5, 0.75, 1, 1, 1} ({@code soft_bi: true}); else always 1. */
        boolean softBlend() default true;
    }

    private final int topN;
    private final boolean softBlend;

    /** DS constructor. */
    @Activate
    public CbiGenerator(Config config) {
        this(config.topN(), config.softBlend());
    }

    /** A generator with explicit settings, for use outside OSGi. */
    public CbiGenerator(int topN, boolean softBlend) {
        if (topN <= 0) {
            throw new IllegalArgumentException("CBI topN must be > 0, got: " + topN);
        }
        this.topN = topN;
        this.softBlend = softBlend;
    }

    @Override
    public AnchorKind anchorKind() {
        return AnchorKind.CBI;
    }

    @Override
    public Forgery generate(FaceSample target, ForgeryContext ctx, RandomGenerator rng) {
        Landmarks own = target.face().landmarks();
        if (!own.hasIbug68()) {
            throw new IllegalArgumentException(
                    "CBI needs the 68 iBUG landmarks of " + target.relativePath() + ", got " + own.count() + " points");
        }
        if (ctx == null) {
            throw new IllegalArgumentException("CBI needs a donor context for " + target.relativePath() + ", got null");
        }
        FaceSample donor = pickDonor(target, ctx, rng);
        RgbImage bg = target.face().image();
        RgbImage fg = donor.face().image();
        if (fg.width() != bg.width() || fg.height() != bg.height()) {
            throw new IllegalArgumentException("donor " + donor.relativePath() + " is " + fg.width() + "x"
                    + fg.height() + " but target " + target.relativePath() + " is " + bg.width() + "x" + bg.height()
                    + "; CBI pastes aligned crops of one size without warping");
        }
        Landmarks landmarks = HullMasks.maybeDropForehead(own, rng);
        float[] hull = HullMasks.build(HullType.random(rng), landmarks, bg.width(), bg.height());
        BlendPipeline.Result r = BlendPipeline.blend(fg, bg, hull, rng, BlendPipeline.Options.cbi(softBlend));
        return new Forgery(r.image(), r.mask(), AnchorKind.CBI, NAME, donor.relativePath());
    }

    private FaceSample pickDonor(FaceSample target, ForgeryContext ctx, RandomGenerator rng) {
        List<FaceSample> candidates = new ArrayList<>(topN);
        for (FaceSample s : ctx.donors(target, topN)) {
            if (!s.videoId().equals(target.videoId())) {
                candidates.add(s);
            }
        }
        if (candidates.isEmpty()) {
            throw new NoDonorException(
                    target.videoId(),
                    "no face from another video among the " + topN + " nearest donors of " + target.relativePath()
                            + "; CBI never falls back to a self blend");
        }
        return candidates.get(rng.nextInt(candidates.size()));
    }

    @Override
    public String toString() {
        return "CbiGenerator[topN=" + topN + ", softBlend=" + softBlend + "]";
    }
}
