package dev.prodet.serve.internal.detect;

import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.FaceBox;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.RgbImage;
import dev.prodet.face.FacePreprocessor;
import dev.prodet.face.FacePreprocessorClosedException;
import java.util.ArrayList;
import java.util.List;

/** The face bundle's {@link FacePreprocessor} as a {@link FaceStage}: the same crops training used. */
public final class FacePreprocessorStage implements FaceStage {
    private final FacePreprocessor preprocessor;

    /** @param preprocessor the service */
    public FacePreprocessorStage(FacePreprocessor preprocessor) {
        this.preprocessor = preprocessor;
    }

    @Override
    public FacePreprocessorInfo info() {
        return preprocessor.info();
    }

    @Override
    public List<Face> faces(RgbImage frame, int maxFaces) {
        List<AlignedFace> aligned;
        try {
            aligned = preprocessor.alignLargest(frame, maxFaces);
        } catch (FacePreprocessorClosedException e) {
            throw new Closed(e);
        }
        List<Face> out = new ArrayList<>();
        for (AlignedFace f : aligned) {
            FaceBox box = f.sourceBox() != null ? f.sourceBox() : new FaceBox(0, 0, frame.width(), frame.height(), 1f);
            out.add(new Face(f.image(), box));
        }
        return out;
    }

    /** Whether this stage wraps {@code p}. */
    public boolean wraps(FacePreprocessor p) {
        return preprocessor == p;
    }
}
