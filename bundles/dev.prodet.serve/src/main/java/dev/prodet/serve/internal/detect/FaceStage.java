package dev.prodet.serve.internal.detect;

import dev.prodet.api.face.FaceBox;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.RgbImage;
import java.util.List;

/**
 * Face detection and alignment as the detect pipeline needs it: aligned crops with their boxes in the frame. The
 * serving component adapts the face bundle's {@code FacePreprocessor} service to it; tests plug in their own.
 */
public interface FaceStage {

    /** Which preprocessing this is; compared with the model's {@code preprocessing.facePreprocessor}. */
    FacePreprocessorInfo info();

    /**
     * The faces of a frame, largest first.
     *
     * @return aligned crops with their boxes in the frame; empty when there is no face
     */
    List<Face> faces(RgbImage frame);

    /**
     * One face.
     *
     * @param crop the aligned crop
     * @param box where it was found in the frame, with the detector's score
     */
    record Face(RgbImage crop, FaceBox box) {}
}
