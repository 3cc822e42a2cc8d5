package dev.prodet.api.forgery;

import dev.prodet.api.data.FaceSample;
import java.util.random.RandomGenerator;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns a real aligned face into a forgery of one {@link AnchorKind}. Implemented by generator plugins (kind
 * {@code generator}): SBI, CBI, face swap, or one a user adds.
 *
 * <p>Implementations must be thread-safe and draw every random decision from the {@code rng} they are given, never
 * from a shared or global source, so that a run is reproducible from its seed whatever the thread schedule.
 *
 * <p>In a training tuple (method.md §2.2) the anchors share one background, as in the official code: the target a
 * generator receives carries the tuple's background as its crop ({@link FaceSample#withImage}); a generator that
 * changes the background itself (SBI's target-side augmentation) returns it in {@link Forgery#background()}, and
 * the trainer then uses it as the REAL anchor and as the crop of the targets of the later anchors. So a generator
 * must blend into {@code target.face().image()} as given and never reload the crop from its path.
 */
@ConsumerType
public interface ForgeryGenerator {

    /** The anchor this generator produces; the trainer puts its output in that block of the batch. */
    AnchorKind anchorKind();

    /**
     * Generates one forgery from a real face.
     *
     * @param target the real face to forge; its crop is the background
     * @param ctx access to donor faces
     * @param rng the random source for this sample
     * @return the forgery, same size as {@code target}'s crop, with {@link Forgery#anchorKind()} equal to
     *     {@link #anchorKind()}
     * @throws NoDonorException when the generator needs a donor and none exists; it must never fall back to
     *     another kind of forgery
     */
    Forgery generate(FaceSample target, ForgeryContext ctx, RandomGenerator rng) throws NoDonorException;
}
