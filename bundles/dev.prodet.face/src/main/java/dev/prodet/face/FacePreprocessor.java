package dev.prodet.face;

import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.RgbImage;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns a frame into aligned face crops: detection, landmarks, least-squares similarity of five points to the crop
 * template, warp, and landmarks again on the crop. Training crops and serving crops must come from the same
 * preprocessor, so a model package records {@link #info()} and the runtime compares it before serving.
 *
 * <p>Landmarks of the returned faces follow {@link FaceLandmarkLayout}: the 68 iBUG points, then the face oval.
 * Implementations are thread-safe. A call that reaches an instance closed by a swap or an update fails with
 * {@link FacePreprocessorClosedException}; repeating it on the current service is safe.
 */
@ProviderType
public interface FacePreprocessor {

    /** Id and version of this preprocessing; any change in output pixels changes the version. */
    FacePreprocessorInfo info();

    /** Side of the square crops this preprocessor produces, in pixels (ProDet: 256). */
    int cropSize();

    /**
     * The largest face of the frame that the landmark model confirms (DeepfakeBench keeps the largest box).
     *
     * @param frame the frame, never {@code null}
     * @return the aligned face, or empty when the frame has no usable face
     */
    Optional<AlignedFace> alignLargest(RgbImage frame);

    /**
     * Every face of the frame that the landmark model confirms, largest first.
     *
     * @param frame the frame, never {@code null}
     * @return the aligned faces, empty when there is none, never {@code null}
     */
    List<AlignedFace> alignAll(RgbImage frame);

    /**
     * The largest faces of the frame, at most {@code maxFaces} of them, largest first. Faces are chosen by their
     * detection boxes before any is aligned, so a crowd costs {@code maxFaces} alignments, not one per face; a box
     * the landmark model does not confirm makes room for the next largest.
     *
     * @param frame the frame, never {@code null}
     * @param maxFaces faces wanted at most, &ge; 1
     * @return the aligned faces, empty when there is none, never {@code null}
     */
    List<AlignedFace> alignLargest(RgbImage frame, int maxFaces);
}
