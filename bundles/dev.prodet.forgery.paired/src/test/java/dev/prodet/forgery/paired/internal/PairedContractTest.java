package dev.prodet.forgery.paired.internal;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.ManipulationPairs;
import dev.prodet.api.forgery.AnchorKind;
import dev.prodet.api.forgery.ForgeryContext;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.forgery.blend.testing.ForgeryGeneratorContract;
import dev.prodet.forgery.blend.testing.SyntheticFaces;
import java.util.List;
import java.util.Set;

/**
 * The generator contract for the paired deepfake anchor, with the default target paired with one manipulated
 * frame per FaceForensics++ method: the same video's frame with another person's face, as a face swap leaves it.
 */
class PairedContractTest extends ForgeryGeneratorContract {
    static final List<String> METHODS = List.of("Deepfakes", "Face2Face", "FaceSwap", "NeuralTextures");

    /** Pairs for every frame of {@code realVideo}: method → that frame of {@code <method>/<realVideo>_x}. */
    static ManipulationPairs pairsOf(String realVideo, List<String> methods) {
        return new ManipulationPairs() {
            @Override
            public Set<String> methods() {
                return Set.copyOf(methods);
            }

            @Override
            public List<FaceSample> manipulated(FaceSample real, String method) {
                if (!real.videoId().equals(realVideo) || !methods.contains(method)) {
                    return List.of();
                }
                return List.of(
                        SyntheticFaces.face(method + "/" + realVideo + "_x", "swapped-" + method, real.frameIndex()));
            }
        };
    }

    /** The method whose video the forgery's donor path names. */
    static String methodOf(dev.prodet.api.forgery.Forgery f) {
        return METHODS.stream()
                .filter(m -> ("/" + f.donorId()).contains("/" + m + "/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no method in donor " + f.donorId()));
    }

    @Override
    protected ForgeryGenerator generator() {
        return new PairedDeepfakeGenerator(METHODS);
    }

    @Override
    protected AnchorKind expectedAnchor() {
        return AnchorKind.DEEPFAKE;
    }

    @Override
    protected String expectedName() {
        return PairedDeepfakeGenerator.NAME;
    }

    @Override
    protected ForgeryContext context() {
        return ForgeryContext.withPairs(super.context(), pairsOf(target().videoId(), METHODS));
    }

    /**
     * The only random choice is which of the four methods' frames to return, so 4 seeds can repeat one; over 16
     * seeds every method is drawn, giving 4 distinct forgeries.
     */
    @Override
    @org.junit.jupiter.api.Test
    public void differentSeedsGiveDifferentForgeries() {
        Set<dev.prodet.api.forgery.Forgery> distinct = new java.util.HashSet<>();
        Set<String> donors = new java.util.HashSet<>();
        for (long seed = 1; seed <= 16; seed++) {
            dev.prodet.api.forgery.Forgery f = generator().generate(target(), context(), rng(seed));
            distinct.add(f);
            donors.add(methodOf(f));
        }
        org.junit.jupiter.api.Assertions.assertEquals(Set.copyOf(METHODS), donors, "every method is drawn");
        org.junit.jupiter.api.Assertions.assertEquals(4, distinct.size());
    }

    /** The manipulated frame is its own video's crop, aligned on its own: its background is not the target's. */
    @Override
    protected boolean preservesBackground() {
        return false;
    }
}
