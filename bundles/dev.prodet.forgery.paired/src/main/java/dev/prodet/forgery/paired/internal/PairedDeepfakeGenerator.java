package dev.prodet.forgery.paired.internal;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.ManipulationPairs;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.forgery.NoPairException;
import dev.prodet.forgery.blend.HullMasks;
import dev.prodet.forgery.blend.HullType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The paper's deepfake anchor (docs/method.md §3, §4.3): for a real frame, the manipulated frame of the same source
 * video and time, e.g. FaceForensics++ {@code Deepfakes/000_003} for real video {@code 000}. Nothing is synthesised:
 * the frame comes from the dataset's {@link ManipulationPairs}, recorded when the dataset was prepared.
 *
 * <p>Like the official code, the manipulated frame is the crop its own video's preparation made (DeepfakeBench
 * detects and aligns every video, real or manipulated, on its own frames; ProDet's dataset then takes the k-th
 * sampled frame of the manipulated video with the k-th of the real one). The method is drawn uniformly among the
 * configured ones that have this frame; the mask is the convex hull of the manipulated crop's landmarks, an
 * approximation of where the face was manipulated (the FF++ mask videos are not used).
 *
 * <p>No pair is never papered over: when the dataset pairs none of the configured methods at all, the generator
 * stops with an error that says so; when only this frame has none, it throws {@link NoPairException} (the trainer
 * draws another real face, as for a missing CBI donor).
 *
 * <p>Random draws, in order: the method, the video (Celeb-DF pairs several with one real video).
 */
@Component(
        service = ForgeryGenerator.class,
        configurationPid = PairedDeepfakeGenerator.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {
            "prodet.generator.name=" + PairedDeepfakeGenerator.NAME,
            "prodet.generator.version=1.0.0",
            "prodet.generator.description=The manipulated frame of the same source video and time"
                    + " (FaceForensics++ Deepfakes/Face2Face/FaceSwap/NeuralTextures, Celeb-DF synthesis)",
            "service.ranking:Integer=0"
        })
public final class PairedDeepfakeGenerator implements ForgeryGenerator {

    /** The plugin name. */
    public static final String NAME = "paired";
    /** Configuration PID. */
    public static final String PID = "dev.prodet.forgery.paired";

    /** Optional configuration (PID {@value #PID}). */
    public @interface Config {
        /**
         * Manipulation methods to take frames from; those the dataset lacks are ignored, as long as it has one.
         * Default: the four FaceForensics++ methods the paper trains on, and Celeb-DF's synthesis.
         */
        String[] methods() default {"Deepfakes", "Face2Face", "FaceSwap", "NeuralTextures", "Celeb-synthesis"};
    }

    private final Set<String> methods;

    /** DS constructor. */
    @Activate
    public PairedDeepfakeGenerator(Config c) {
        this(List.of(c.methods()));
    }

    /** With the given methods, in the order draws index them. */
    public PairedDeepfakeGenerator(List<String> methods) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("generator " + NAME + ": methods must name at least one method");
        }
        this.methods = new LinkedHashSet<>(methods);
    }

    @Override
    public AnchorKind anchorKind() {
        return AnchorKind.DEEPFAKE;
    }

    @Override
    public Forgery generate(FaceSample target, ForgeryContext ctx, RandomGenerator rng) {
        Landmarks own = target.face().landmarks();
        if (!own.hasIbug68()) {
            throw new IllegalArgumentException("generator " + NAME + " needs the 68 iBUG landmarks of "
                    + target.relativePath() + ", got " + own.count() + " points");
        }
        ManipulationPairs pairs = ctx.manipulationPairs();
        List<String> usable = new ArrayList<>(methods);
        usable.retainAll(pairs.methods());
        if (usable.isEmpty()) {
            throw new IllegalStateException("generator " + NAME + ": the training dataset pairs no manipulated video "
                    + "of " + methods + " with a real one (it has " + pairs.methods() + "); prepare FaceForensics++ "
                    + "or Celeb-DF with './prodet data prepare', or use the stand-in (generators: {DEEPFAKE: swap})");
        }
        List<String> present = new ArrayList<>();
        List<List<FaceSample>> frames = new ArrayList<>();
        for (String m : usable) {
            List<FaceSample> f = pairs.manipulated(target, m);
            if (!f.isEmpty()) {
                present.add(m);
                frames.add(f);
            }
        }
        if (present.isEmpty()) {
            throw new NoPairException(
                    target.videoId(),
                    "none of " + usable + " has a frame at sample " + target.frameIndex() + " ("
                            + target.relativePath() + "): its manipulated video is not in the dataset, or no face "
                            + "was found in that frame");
        }
        int m = rng.nextInt(present.size());
        List<FaceSample> videos = frames.get(m);
        FaceSample fake = videos.get(videos.size() == 1 ? 0 : rng.nextInt(videos.size()));
        RgbImage image = fake.face().image();
        if (image.width() != target.face().width()
                || image.height() != target.face().height()) {
            throw new IllegalStateException("generator " + NAME + ": " + fake.relativePath() + " is " + image.width()
                    + "x" + image.height() + " but its real frame " + target.relativePath() + " is "
                    + target.face().width() + "x" + target.face().height() + "; prepare both with one preprocessor");
        }
        float[] mask = HullMasks.build(HullType.FACEHULL, fake.face().landmarks(), image.width(), image.height());
        return new Forgery(image, mask, AnchorKind.DEEPFAKE, NAME, fake.relativePath());
    }
}
