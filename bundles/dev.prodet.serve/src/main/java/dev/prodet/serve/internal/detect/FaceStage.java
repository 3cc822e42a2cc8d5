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
     * The largest faces of a frame, largest first, chosen before alignment.
     *
     * @param maxFaces faces wanted at most
     * @return aligned crops with their boxes in the frame; empty when there is no face
     * @throws Closed when this stage was swapped out or updated while the call came in; the caller repeats the
     *     call on the stage now in place
     */
    List<Face> faces(RgbImage frame, int maxFaces);

    /**
     * One face.
     *
     * @param crop the aligned crop
     * @param box where it was found in the frame, with the detector's score
     */
    record Face(RgbImage crop, FaceBox box) {}

    /** The stage was closed by a swap or an update; nothing is wrong with the frame. */
    final class Closed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param cause what the face bundle said */
        public Closed(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
