package dev.prodet.api.forgery;

import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.ManipulationPairs;
import java.util.List;
import java.util.random.RandomGenerator;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the platform gives a generator besides the target: access to donor faces for cross blends and swaps, and to
 * the dataset's manipulated frames paired with real ones (the paired deepfake anchor).
 *
 * <p>Donors follow ProDet's CBI rule (docs/method.md §4.2): nearest faces by landmark distance, never from the target's
 * own video.
 */
@ProviderType
public interface ForgeryContext {

    /**
     * Up to {@code k} donor candidates for a target, nearest first.
     *
     * @param target the face to forge
     * @param k maximum number of candidates, &gt; 0 (ProDet uses 3)
     * @return candidates from videos other than {@code target.videoId()}; may be shorter than {@code k} or empty,
     *     never {@code null}
     */
    List<FaceSample> donors(FaceSample target, int k);

    /**
     * Picks one donor uniformly at random among the {@code k} nearest, as ProDet's CBI does.
     *
     * @throws NoDonorException when there is no candidate at all
     */
    default FaceSample pickDonor(FaceSample target, int k, RandomGenerator rng) {
        List<FaceSample> candidates = donors(target, k);
        if (candidates.isEmpty()) {
            throw new NoDonorException(
                    target.videoId(), "no donor candidate among the " + k + " nearest faces from other videos");
        }
        return candidates.get(rng.nextInt(candidates.size()));
    }

    /**
     * The manipulated frames of the training dataset paired with its real frames; {@link ManipulationPairs#NONE}
     * unless the platform attached the dataset's pairs ({@link #withPairs}).
     *
     * @since 1.1
     */
    default ManipulationPairs manipulationPairs() {
        return ManipulationPairs.NONE;
    }

    /**
     * {@code donors} with {@code pairs} attached: donor look-ups go to {@code donors}, {@link #manipulationPairs()}
     * answers {@code pairs}.
     *
     * @since 1.1
     */
    static ForgeryContext withPairs(ForgeryContext donors, ManipulationPairs pairs) {
        java.util.Objects.requireNonNull(donors, "donors");
        java.util.Objects.requireNonNull(pairs, "pairs");
        return new ForgeryContext() {
            @Override
            public List<FaceSample> donors(FaceSample target, int k) {
                return donors.donors(target, k);
            }

            @Override
            public FaceSample pickDonor(FaceSample target, int k, RandomGenerator rng) {
                return donors.pickDonor(target, k, rng);
            }

            @Override
            public ManipulationPairs manipulationPairs() {
                return pairs;
            }
        };
    }
}
