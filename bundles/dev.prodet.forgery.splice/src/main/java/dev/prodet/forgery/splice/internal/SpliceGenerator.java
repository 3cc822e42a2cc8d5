package dev.prodet.forgery.splice.internal;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.forgery.NoDonorException;
import dev.prodet.forgery.blend.ImageOps;
import java.util.random.RandomGenerator;
import org.osgi.service.component.annotations.Component;

/**
 * A crude "cheap fake": the inner face (the hull of the landmarks without the jaw line) of a near face of another
 * video is pasted onto the target with a hard edge and no colour correction. Both crops are aligned to the same
 * template, so no warp is needed. It is meant as a forgery type <em>held out</em> of training (the demo trains on
 * SBI, CBI and face swap and evaluates on this too): its seams and colour steps differ from all three.
 *
 * <p>Random draws: the donor (one of the 3 nearest faces of other videos). Anchor kind CBI: a blend with another
 * identity, without generative traces.
 */
@Component(
        service = ForgeryGenerator.class,
        property = {
            "prodet.generator.name=" + SpliceGenerator.NAME,
            "prodet.generator.version=1.0.0",
            "prodet.generator.description=Hard-edged paste of another person's inner face, no colour correction"
                    + " (a forgery type to hold out of training)",
            "service.ranking:Integer=0"
        })
public final class SpliceGenerator implements ForgeryGenerator {
    /** The plugin name. */
    public static final String NAME = "splice";

    private static final int TOP_N = 3;
    /** First iBUG point after the jaw line (0–16): brows, nose, eyes and mouth make the pasted region. */
    private static final int INNER_FACE = 17;

    @Override
    public AnchorKind anchorKind() {
        return AnchorKind.CBI;
    }

    @Override
    public Forgery generate(FaceSample target, ForgeryContext ctx, RandomGenerator rng) throws NoDonorException {
        RgbImage bg = target.face().image();
        Landmarks lm = target.face().landmarks();
        if (lm.count() < 68) {
            throw new IllegalArgumentException("splice needs 68 iBUG landmarks, got " + lm.count());
        }
        FaceSample donor = ctx.pickDonor(target, TOP_N, rng);
        RgbImage fg = donor.face().image();
        if (fg.width() != bg.width() || fg.height() != bg.height()) {
            throw new IllegalArgumentException("donor crop " + fg.width() + "x" + fg.height() + " differs from target "
                    + bg.width() + "x" + bg.height() + ": both must come from the same face preprocessor");
        }
        int[] xy = new int[2 * (68 - INNER_FACE)];
        for (int i = INNER_FACE; i < 68; i++) {
            xy[2 * (i - INNER_FACE)] = Math.round(lm.x(i));
            xy[2 * (i - INNER_FACE) + 1] = Math.round(lm.y(i));
        }
        float[] mask = new float[bg.width() * bg.height()];
        ImageOps.fillConvexHull(mask, bg.width(), bg.height(), ImageOps.convexHull(xy), 1f);
        byte[] out = bg.rgb();
        byte[] donorPx = fg.rgb();
        for (int i = 0; i < mask.length; i++) {
            mask[i] = mask[i] > 0 ? 1f : 0f; // hard edge on purpose
            if (mask[i] > 0) {
                System.arraycopy(donorPx, 3 * i, out, 3 * i, 3);
            }
        }
        return new Forgery(new RgbImage(bg.width(), bg.height(), out), mask, AnchorKind.CBI, NAME, donor.videoId());
    }
}
