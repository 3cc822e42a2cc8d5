package dev.prodet.face.internal.mesh;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromTFLite;

import dev.prodet.face.internal.cv.NativePool;
import dev.prodet.face.internal.cv.Similarity;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * MediaPipe's face-mesh model ({@code face_landmark.tflite}) on OpenCV DNN: a 192×192 RGB input in [0, 1], output
 * 468 (x, y, z) points in input pixels and a face-presence logit. An OpenCV {@link Net} is not thread-safe, so each
 * call borrows one from a pool (one per processor at most).
 */
public final class FaceMesh implements AutoCloseable {

    /** Side of the model input in pixels. */
    public static final int INPUT = 192;

    private static final int LANDMARK_VALUES = 3 * MeshResult.POINTS;

    private final NativePool<Net> nets;

    /**
     * Loads the model once (so that a bad file fails here) and prepares the pool.
     *
     * @param model {@code face_landmark.tflite}
     */
    public FaceMesh(Path model) {
        String file = model.toString();
        this.nets = new NativePool<>(
                () -> {
                    Net net = readNetFromTFLite(file);
                    if (net.empty()) {
                        net.close();
                        throw new IllegalStateException("OpenCV DNN could not load the face landmark model " + file);
                    }
                    return net;
                },
                Runtime.getRuntime().availableProcessors());
        nets.release(nets.acquire());
    }

    /**
     * Runs the mesh on one region of an image.
     *
     * @param rgb the image, {@code CV_8UC3} RGB
     * @param roi the square around the face
     * @return the 468 points in the image's pixel coordinates and the presence probability
     */
    public MeshResult run(Mat rgb, Roi roi) {
        Similarity toInput = roi.toInput(INPUT);
        float[] raw = new float[LANDMARK_VALUES];
        float logit;
        try (Mat patch = RoiSampler.sample(rgb, toInput, INPUT);
                Size size = new Size(INPUT, INPUT);
                Scalar zero = new Scalar(0.0);
                Mat blob = blobFromImage(patch, 1 / 255.0, size, zero, false, false, CV_32F);
                MatVector outs = new MatVector()) {
            Net net = nets.acquire();
            try {
                net.setInput(blob);
                net.forward(outs, net.getUnconnectedOutLayersNames());
            } finally {
                nets.release(net);
            }
            logit = Float.NaN;
            boolean gotLandmarks = false;
            for (long i = 0; i < outs.size(); i++) { // tell the outputs apart by size, not by layer name
                Mat out = outs.get(i);
                FloatBuffer values = out.createBuffer();
                if (out.total() == LANDMARK_VALUES) {
                    values.get(raw);
                    gotLandmarks = true;
                } else if (out.total() == 1) {
                    logit = values.get(0);
                }
            }
            if (!gotLandmarks || Float.isNaN(logit)) {
                throw new IllegalStateException("face landmark model gave unexpected outputs (" + outs.size()
                        + " tensors); is face_landmark.tflite the file pinned in scripts/assets.sha256?");
            }
        }
        // the model's coordinates are continuous (pixel corners at integers); toInput maps pixel centres
        float[] input = new float[2 * MeshResult.POINTS];
        for (int i = 0; i < MeshResult.POINTS; i++) {
            input[2 * i] = raw[3 * i] - 0.5f;
            input[2 * i + 1] = raw[3 * i + 1] - 0.5f;
        }
        return new MeshResult(toInput.inverse().apply(input), (float) (1 / (1 + Math.exp(-logit))));
    }

    @Override
    public void close() {
        nets.close();
    }
}
