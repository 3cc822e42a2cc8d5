package dev.prodet.face.internal.align;

import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.FaceBox;
import dev.prodet.api.face.FaceDetector;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.Landmarks;
import dev.prodet.api.face.RgbImage;
import dev.prodet.face.FacePreprocessor;
import dev.prodet.face.internal.cv.Mats;
import dev.prodet.face.internal.cv.Similarity;
import dev.prodet.face.internal.mesh.FaceLandmarker;
import dev.prodet.face.internal.mesh.MeshResult;
import dev.prodet.face.internal.mesh.MeshToIbug;
import dev.prodet.face.internal.mesh.Roi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The face pipeline of docs/method.md §5.1 with MediaPipe models in place of dlib: detect; landmarks in the frame;
 * least-squares similarity of five points (eye centres, nose tip, mouth corners; weighted towards the rigid ones,
 * see {@link CropTemplate#WEIGHTS}) onto {@link CropTemplate}; bilinear
 * warp to 256×256 with a black border; landmarks again on the crop, where a face the mesh does not confirm is
 * dropped (DeepfakeBench drops crops in which dlib finds no face). The second landmark pass starts from the first
 * pass's points carried into the crop, so it needs no second detection.
 */
public final class FaceAligner implements FacePreprocessor {

    private final FaceDetector detector;
    private final FaceLandmarker landmarker;
    private final FacePreprocessorInfo info;

    /**
     * @param detector finds the faces
     * @param landmarker the face mesh
     * @param info id and version recorded with the crops
     */
    public FaceAligner(FaceDetector detector, FaceLandmarker landmarker, FacePreprocessorInfo info) {
        this.detector = detector;
        this.landmarker = landmarker;
        this.info = info;
    }

    @Override
    public FacePreprocessorInfo info() {
        return info;
    }

    @Override
    public int cropSize() {
        return CropTemplate.SIZE;
    }

    @Override
    public Optional<AlignedFace> alignLargest(RgbImage frame) {
        List<FaceBox> boxes = largestFirst(frame);
        if (boxes.isEmpty()) {
            return Optional.empty();
        }
        try (Mat rgb = Mats.toMat(frame)) {
            for (FaceBox box : boxes) { // the largest box the mesh confirms; a false detection falls through
                Optional<AlignedFace> face = align(rgb, box);
                if (face.isPresent()) {
                    return face;
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public List<AlignedFace> alignAll(RgbImage frame) {
        List<FaceBox> boxes = largestFirst(frame);
        List<AlignedFace> faces = new ArrayList<>(boxes.size());
        if (boxes.isEmpty()) {
            return faces;
        }
        try (Mat rgb = Mats.toMat(frame)) {
            for (FaceBox box : boxes) {
                align(rgb, box).ifPresent(faces::add);
            }
        }
        return faces;
    }

    @Override
    public List<AlignedFace> alignLargest(RgbImage frame, int maxFaces) {
        if (maxFaces < 1) {
            throw new IllegalArgumentException("face preprocessor: maxFaces must be >= 1, got " + maxFaces);
        }
        List<FaceBox> boxes = largestFirst(frame);
        List<AlignedFace> faces = new ArrayList<>(Math.min(maxFaces, boxes.size()));
        if (boxes.isEmpty()) {
            return faces;
        }
        // unconfirmed boxes make room for smaller ones, but the landmark passes stay bounded by maxFaces
        int attempts = Math.min(boxes.size(), 2 * maxFaces);
        try (Mat rgb = Mats.toMat(frame)) {
            for (int i = 0; i < attempts && faces.size() < maxFaces; i++) {
                align(rgb, boxes.get(i)).ifPresent(faces::add);
            }
        }
        return faces;
    }

    private List<FaceBox> largestFirst(RgbImage frame) {
        if (frame == null) {
            throw new IllegalArgumentException("face preprocessor: frame must not be null");
        }
        List<FaceBox> boxes = new ArrayList<>(detector.detect(frame));
        boxes.sort(Comparator.comparingDouble(FaceBox::area).reversed());
        return boxes;
    }

    /** Aligns the face in one box; empty when the mesh does not confirm a face in the frame or in the crop. */
    Optional<AlignedFace> align(Mat rgb, FaceBox box) {
        Optional<MeshResult> inFrame = landmarker.locate(rgb, box);
        if (inFrame.isEmpty()) {
            return Optional.empty();
        }
        float[] mesh = inFrame.get().points();
        Similarity toCrop = Similarity.fit(
                CropTemplate.fivePoints(MeshToIbug.toLayout(mesh)), CropTemplate.POINTS, CropTemplate.WEIGHTS);
        try (Mat crop = Mats.warp(rgb, toCrop, CropTemplate.SIZE, CropTemplate.SIZE)) {
            Optional<MeshResult> inCrop = landmarker.refine(crop, Roi.fromMesh(toCrop.apply(mesh)));
            if (inCrop.isEmpty()) {
                return Optional.empty();
            }
            Landmarks landmarks = new Landmarks(MeshToIbug.toLayout(inCrop.get().points()));
            return Optional.of(new AlignedFace(Mats.toImage(crop), landmarks, box, info));
        }
    }
}
