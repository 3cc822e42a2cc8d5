package dev.prodet.api.forgery;

import dev.prodet.api.data.FaceSample;
import java.util.List;
import java.util.random.RandomGenerator;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the platform gives a generator besides the target: access to donor faces for cross blends and swaps.
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
}
