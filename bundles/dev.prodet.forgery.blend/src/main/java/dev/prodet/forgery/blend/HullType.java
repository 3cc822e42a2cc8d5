package dev.prodet.forgery.blend;

import java.util.random.RandomGenerator;

/**
 * The four Face X-ray hull masks that SBI and CBI draw from uniformly (docs/method.md §4.1 step 2, DeepfakeBench
 * {@code DeepFakeMask.py}).
 */
public enum HullType {
    /** {@code dfl_full}: union of the jaw+mouth, nose-ridge and eyebrow/eye hulls. */
    DFL_FULL,
    /** {@code extended}: like {@link #COMPONENTS} with the eyebrows pushed up half their height above the eyes. */
    EXTENDED,
    /** {@code components}: union of eight part hulls (jaw halves, cheeks, nose ridge, eye regions, nose). */
    COMPONENTS,
    /**
     * {@code facehull}: the convex hull of all landmarks. With dlib's 81 points that includes the forehead; with
     * the 68 iBUG points it ends at the eyebrows (the plain convex hull of the original SBI paper).
     */
    FACEHULL;

    private static final HullType[] VALUES = values();

    /** One type, uniformly at random. */
    public static HullType random(RandomGenerator rng) {
        return VALUES[rng.nextInt(VALUES.length)];
    }
}
