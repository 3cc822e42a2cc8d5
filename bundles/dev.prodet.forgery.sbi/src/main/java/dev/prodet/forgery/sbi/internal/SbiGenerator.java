package dev.prodet.forgery.sbi.internal;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.forgery.blend.BlendPipeline;
import dev.prodet.forgery.blend.HullMasks;
import dev.prodet.forgery.blend.HullType;
import dev.prodet.forgery.blend.SourceAugmentation;
import java.util.random.RandomGenerator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Self-blended image (Shiohara and Yamasaki, CVPR 2022) as ProDet uses it (docs/method.md §4.1): the real frame is
 * blended with a copy of itself after one of the two went through SBI's source augmentation, inside a random Face
 * X-ray hull mask that is shifted, scaled, elastically deformed, eroded and blurred, at a random blend ratio.
 *
 * <p>Random draws, in order: forehead drop, hull type, which side is augmented, the augmentation, the affine, the
 * elastic noise, the mask softening, the blend ratio. No donor is needed; {@code ctx} is ignored.
 *
 * <p>The original returns the possibly augmented target as the real anchor of the tuple. This API returns only the
 * forgery, so with {@code augmentTarget=true} (the default, faithful to the original's SBI distribution) half of
 * the SBIs carry an augmented background while the real anchor stays pristine; {@code augmentTarget=false} always
 * augments the source, so an SBI differs from its real anchor only inside the mask.
 */
@Component(
        service = ForgeryGenerator.class,
        configurationPid = SbiGenerator.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {
            "prodet.generator.name=" + SbiGenerator.NAME,
            "prodet.generator.version=1.0.0",
            "prodet.generator.description=Self-blended image (SBI, docs/method.md 4.1): a face blended into an augmented"
                    + " copy of itself inside a deformed landmark hull",
            "service.ranking:Integer=0"
        })
public final class SbiGenerator implements ForgeryGenerator {

    /** The plugin name. */
    public static final String NAME = "sbi";
    /** Configuration PID. */
    public static final String PID = "dev.prodet.forgery.sbi";

    /** Optional configuration (PID {@value #PID}); without one the defaults apply. */
    public @interface Config {
        /** Whether the target side may receive the source augmentation (half the time), as in the original. */
        boolean augmentTarget() default true;
    }

    private final boolean augmentTarget;

    /** DS constructor. */
    @Activate
    public SbiGenerator(Config config) {
        this(config.augmentTarget());
    }

    /** A generator with an explicit setting, for use outside OSGi. */
    public SbiGenerator(boolean augmentTarget) {
        this.augmentTarget = augmentTarget;
    }

    @Override
    public AnchorKind anchorKind() {
        return AnchorKind.SBI;
    }

    @Override
    public Forgery generate(FaceSample target, ForgeryContext ctx, RandomGenerator rng) {
        AlignedFace face = target.face();
        RgbImage img = face.image();
        int w = img.width();
        int h = img.height();
        Landmarks landmarks = HullMasks.maybeDropForehead(face.landmarks(), rng);
        HullType type = HullType.random(rng);
        float[] hull = HullMasks.build(type, landmarks, w, h);
        if (isEmpty(hull)) {
            throw new IllegalArgumentException("the landmarks of " + target.relativePath() + " lie outside its " + w
                    + "x" + h + " crop: the " + type + " mask is empty");
        }
        RgbImage source = img;
        RgbImage background = img;
        // the coin is tossed even when only the source may be augmented, so both settings share the random stream
        boolean augmentSource = rng.nextDouble() < 0.5 || !augmentTarget;
        if (augmentSource) {
            source = SourceAugmentation.apply(img, rng);
        } else {
            background = SourceAugmentation.apply(img, rng);
        }
        BlendPipeline.Result r = BlendPipeline.blend(source, background, hull, rng, BlendPipeline.Options.sbi());
        return new Forgery(r.image(), r.mask(), AnchorKind.SBI, NAME, null);
    }

    static boolean isEmpty(float[] mask) {
        for (float v : mask) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "SbiGenerator[augmentTarget=" + augmentTarget + "]";
    }
}
