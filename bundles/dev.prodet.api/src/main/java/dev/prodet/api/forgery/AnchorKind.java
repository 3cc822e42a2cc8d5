package dev.prodet.api.forgery;

/**
 * The four anchors of a ProDet training tuple and their "triplet binary" attribute labels (docs/method.md §2.1).
 *
 * <p>Declaration order is the progression Real → SBI → CBI → Deepfake ("R2B2D") along which forgery attributes
 * build up, so {@link #ordinal()} orders anchors on that path. {@link #code()} is the integer label of the original
 * code, which is <em>not</em> in that order (Deepfake is 2, CBI is 3).
 */
public enum AnchorKind {
    /** Pristine face: no forgery attribute. */
    REAL(0, 0, 0, 0),
    /** Self-blended image: blending clue only. */
    SBI(1, 1, 0, 0),
    /** Cross-blended image (donor face of another identity): blending clue and identity inconsistency. */
    CBI(3, 1, 1, 0),
    /** Deepfake (e.g. FaceForensics++ manipulated frame): all three attributes. */
    DEEPFAKE(2, 1, 1, 1);

    private final int code;
    private final int blend;
    private final int identity;
    private final int generative;

    AnchorKind(int code, int blend, int identity, int generative) {
        this.code = code;
        this.blend = blend;
        this.identity = identity;
        this.generative = generative;
    }

    /** Integer label of the original code: real 0, SBI 1, deepfake 2, CBI 3. */
    public int code() {
        return code;
    }

    /** y_bld: 1 when the image carries a blending clue (every forgery). Also the final real/fake target. */
    public int blend() {
        return blend;
    }

    /** y_id: 1 when the face shows an identity inconsistency (CBI, deepfake). */
    public int identity() {
        return identity;
    }

    /** y_gen: 1 when the image carries generative artifacts (deepfake only). */
    public int generative() {
        return generative;
    }

    /** The attribute triple {@code {blend, identity, generative}}, a new array on every call. */
    public int[] attributes() {
        return new int[] {blend, identity, generative};
    }

    /** Whether this anchor is a forgery (binary label 1). */
    public boolean isFake() {
        return blend == 1;
    }

    /** The anchor for an integer label of the original code. */
    public static AnchorKind fromCode(int code) {
        for (AnchorKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "AnchorKind code must be 0 (REAL), 1 (SBI), 2 (DEEPFAKE) or 3 (CBI), got: " + code);
    }
}
