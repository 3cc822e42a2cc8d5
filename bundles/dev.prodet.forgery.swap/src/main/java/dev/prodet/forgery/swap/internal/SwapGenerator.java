package dev.prodet.forgery.swap.internal;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.face.Ibug68;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.forgery.NoDonorException;
import dev.prodet.api.plugin.Plugin;
import dev.prodet.forgery.blend.ColorTransfer;
import dev.prodet.forgery.blend.DynamicBlend;
import dev.prodet.forgery.blend.ImageOps;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * A <strong>stand-in</strong> for the deepfake anchor when no real deepfake data is at hand: a landmark-driven face
 * swap between two identities. The donor's face (a near face of another identity and video) is warped onto the
 * target's landmarks piecewise-affinely over a Delaunay triangulation, colour-corrected to the target (mean and
 * std), re-rendered through a down- and up-sampling path (and optionally JPEG) as synthesis artefacts, and blended
 * with weights feathered from the landmark hull inwards. The background, pose and expression stay the target's, the
 * inner face is the donor's, as in FaceForensics++ "Deepfakes" ({@code target_source}).
 *
 * <p>It is no generative model: it lacks the artefacts of real autoencoders, GANs or diffusion models, so a detector
 * trained on it learns identity swaps and resampling, not generative traces. Real deepfakes (FaceForensics++
 * manipulated videos) enter through the dataset adapters and should be preferred.
 *
 * <p>Random draws, in order: the donor, the artefact scale.
 */
@Component(
        service = ForgeryGenerator.class,
        configurationPid = SwapGenerator.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = "service.ranking:Integer=0")
@Plugin.Generator(
        name = SwapGenerator.NAME,
        description = "Landmark-driven face swap (piecewise-affine warp, colour correction,"
                + " feathered blend, resampling artefacts): a stand-in for real deepfakes")
public final class SwapGenerator implements ForgeryGenerator {

    /** The plugin name. */
    public static final String NAME = "swap";
    /** Configuration PID. */
    public static final String PID = "dev.prodet.forgery.swap";

    /** Optional configuration (PID {@value #PID}). */
    public @interface Config {
        /** Number of nearest faces to look for a donor of another identity among. */
        int topN() default 5;

        /** Smallest resolution factor of the down/up-sampling artefact (1 = no resampling). */
        double minScale() default 0.25;

        /** Largest resolution factor; the factor is drawn uniformly in [minScale, maxScale]. */
        double maxScale() default 0.5;

        /** JPEG quality (1..100) the swapped face is re-encoded at, 0 for none. */
        int jpegQuality() default 0;

        /** Feather width as a fraction of the face size (the landmark hull's larger side). */
        double feather() default 0.1;

        /** Whether to match the donor's masked colour mean and std to the target's. */
        boolean colorCorrect() default true;
    }

    private final SwapSettings settings;

    /** DS constructor. */
    @Activate
    public SwapGenerator(Config c) {
        this(new SwapSettings(c.topN(), c.minScale(), c.maxScale(), c.jpegQuality(), c.feather(), c.colorCorrect()));
    }

    /** A generator with explicit settings, for use outside OSGi. */
    public SwapGenerator(SwapSettings settings) {
        this.settings = settings;
    }

    @Override
    public AnchorKind anchorKind() {
        return AnchorKind.DEEPFAKE;
    }

    @Override
    public Forgery generate(FaceSample target, ForgeryContext ctx, RandomGenerator rng) {
        double[] dst = ibug68(target);
        if (ctx == null) {
            throw new IllegalArgumentException("a face swap needs a donor context for " + target.relativePath());
        }
        FaceSample donor = pickDonor(target, ctx, rng);
        RgbImage bg = target.face().image();
        RgbImage fg = donor.face().image();
        int w = bg.width();
        int h = bg.height();
        if (fg.width() != w || fg.height() != h) {
            throw new IllegalArgumentException("donor " + donor.relativePath() + " is " + fg.width() + "x" + fg.height()
                    + " but target " + target.relativePath() + " is " + w + "x" + h);
        }
        double scale = settings.minScale() + (settings.maxScale() - settings.minScale()) * rng.nextDouble();
        byte[] bgRgb = bg.rgb();
        PiecewiseAffineWarp.Result warped =
                PiecewiseAffineWarp.warp(fg.rgb(), w, h, ibug68(donor), dst, Delaunay.triangulate(dst), bgRgb);
        byte[] face = warped.rgb();
        if (settings.colorCorrect()) {
            face = ColorTransfer.meanStdRgb(bgRgb, face, warped.coverage());
        }
        RgbImage rendered = new RgbImage(w, h, face);
        if (scale < 1) { // the generator's working resolution: down, then back up
            int sw = Math.max(1, (int) Math.round(w * scale));
            int sh = Math.max(1, (int) Math.round(h * scale));
            rendered = ImageOps.resize(ImageOps.resize(rendered, sw, sh), w, h);
        }
        if (settings.jpegQuality() > 0) {
            rendered = ImageOps.jpeg(rendered, settings.jpegQuality());
        }
        int[] hull = hull(dst);
        float[] weights = Feather.weights(hull, w, h, settings.feather() * faceSize(hull));
        for (int p = 0; p < weights.length; p++) {
            weights[p] *= warped.coverage()[p];
        }
        byte[] out = DynamicBlend.blendRgb(rendered.rgb(), bgRgb, weights);
        return new Forgery(new RgbImage(w, h, out), weights, AnchorKind.DEEPFAKE, NAME, donor.relativePath());
    }

    private FaceSample pickDonor(FaceSample target, ForgeryContext ctx, RandomGenerator rng) {
        List<FaceSample> candidates = new ArrayList<>();
        for (FaceSample s : ctx.donors(target, settings.topN())) {
            // two identities: never the target's person, never its video
            if (!s.identity().equals(target.identity()) && !s.videoId().equals(target.videoId())) {
                candidates.add(s);
            }
        }
        if (candidates.isEmpty()) {
            throw new NoDonorException(
                    target.videoId(),
                    "no face of another identity among the " + settings.topN() + " nearest donors of "
                            + target.relativePath());
        }
        return candidates.get(rng.nextInt(candidates.size()));
    }

    private static double[] ibug68(FaceSample s) {
        Landmarks l = s.face().landmarks();
        if (!l.hasIbug68()) {
            throw new IllegalArgumentException("a face swap needs the 68 iBUG landmarks of " + s.relativePath()
                    + ", got " + l.count() + " points");
        }
        double[] xy = new double[2 * Ibug68.POINTS];
        for (int i = 0; i < Ibug68.POINTS; i++) {
            xy[2 * i] = l.x(i);
            xy[2 * i + 1] = l.y(i);
        }
        return xy;
    }

    private static int[] hull(double[] xy) {
        int[] p = new int[xy.length];
        for (int i = 0; i < xy.length; i++) {
            p[i] = (int) Math.round(xy[i]);
        }
        return ImageOps.convexHull(p);
    }

    private static double faceSize(int[] hull) {
        int xa = Integer.MAX_VALUE;
        int xb = Integer.MIN_VALUE;
        int ya = Integer.MAX_VALUE;
        int yb = Integer.MIN_VALUE;
        for (int i = 0; i < hull.length; i += 2) {
            xa = Math.min(xa, hull[i]);
            xb = Math.max(xb, hull[i]);
            ya = Math.min(ya, hull[i + 1]);
            yb = Math.max(yb, hull[i + 1]);
        }
        return Math.max(1, Math.max(xb - xa, yb - ya));
    }

    @Override
    public String toString() {
        return "SwapGenerator[" + settings + "]";
    }
}
