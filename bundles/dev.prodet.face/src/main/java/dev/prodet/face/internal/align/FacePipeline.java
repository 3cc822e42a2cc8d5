package dev.prodet.face.internal.align;

import ai.onnxruntime.OrtException;
import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.FaceDetector;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.RgbImage;
import dev.prodet.face.StandaloneFacePreprocessor;
import dev.prodet.face.internal.assets.Asset;
import dev.prodet.face.internal.assets.AssetLocator;
import dev.prodet.face.internal.blazeface.BlazeFace;
import dev.prodet.face.internal.blazeface.Nms;
import dev.prodet.face.internal.mesh.FaceLandmarker;
import dev.prodet.face.internal.mesh.FaceMesh;
import java.util.List;
import java.util.Optional;

/**
 * A face preprocessor that owns its models, for use outside a framework (tests, benchmarks, batch tools); inside
 * OSGi the {@code FacePreprocessorComponent} wires the same parts from services. Closing it frees the models.
 */
public final class FacePipeline implements StandaloneFacePreprocessor {

    /** Version of the preprocessing (template, landmark passes, warp); bump it when output pixels change. */
    public static final String VERSION = "1.0.0";

    private final FaceAligner aligner;
    private final FaceMesh mesh;
    private final AutoCloseable detectorToClose;

    private FacePipeline(FaceAligner aligner, FaceMesh mesh, AutoCloseable detectorToClose) {
        this.aligner = aligner;
        this.mesh = mesh;
        this.detectorToClose = detectorToClose;
    }

    /** The preprocessor id for a detector name: {@code <detector>-mediapipe68-arcface256}. */
    public static FacePreprocessorInfo info(String detectorName) {
        return new FacePreprocessorInfo(detectorName + "-mediapipe68-arcface" + CropTemplate.SIZE, VERSION);
    }

    /** BlazeFace + face mesh from the assets folder; fails with a fetch hint when a model is missing. */
    public static FacePipeline blazeface(AssetLocator assets) throws OrtException {
        BlazeFace detector =
                new BlazeFace(assets.require(Asset.BLAZEFACE_FRONT), BlazeFace.DEFAULT_MIN_SCORE, Nms.Mode.WEIGHTED);
        try {
            return create(detector, "blazeface", assets, detector);
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
    }

    /**
     * A pipeline around a given detector.
     *
     * @param detector the face detector
     * @param detectorName its plugin name, which becomes part of the preprocessor id
     * @param assets where the face landmark model is
     * @param detectorToClose closed with the pipeline, or {@code null}
     */
    public static FacePipeline create(
            FaceDetector detector, String detectorName, AssetLocator assets, AutoCloseable detectorToClose) {
        FaceMesh mesh = new FaceMesh(assets.require(Asset.FACE_LANDMARK));
        FaceAligner aligner = new FaceAligner(
                detector, new FaceLandmarker(mesh, FaceLandmarker.DEFAULT_MIN_PRESENCE), info(detectorName));
        return new FacePipeline(aligner, mesh, detectorToClose);
    }

    @Override
    public FacePreprocessorInfo info() {
        return aligner.info();
    }

    @Override
    public int cropSize() {
        return aligner.cropSize();
    }

    @Override
    public Optional<AlignedFace> alignLargest(RgbImage frame) {
        return aligner.alignLargest(frame);
    }

    @Override
    public List<AlignedFace> alignAll(RgbImage frame) {
        return aligner.alignAll(frame);
    }

    @Override
    public List<AlignedFace> alignLargest(RgbImage frame, int maxFaces) {
        return aligner.alignLargest(frame, maxFaces);
    }

    @Override
    public void close() {
        mesh.close();
        if (detectorToClose != null) {
            try {
                detectorToClose.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the face detector: " + e.getMessage(), e);
            }
        }
    }
}
