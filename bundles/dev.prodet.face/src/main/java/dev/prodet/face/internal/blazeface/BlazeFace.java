package dev.prodet.face.internal.blazeface;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import dev.prodet.api.face.FaceBox;
import dev.prodet.api.face.FaceDetector;
import dev.prodet.api.face.RgbImage;
import dev.prodet.face.internal.cv.Mats;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * BlazeFace short-range on ONNX Runtime. The frame is letterboxed (scaled so its long side is 128, centred, black
 * bars) as MediaPipe does with {@code keep_aspect_ratio}, so faces anywhere in the frame are seen undistorted; the
 * input is NHWC float in [−1, 1]. Thread-safe: an {@link OrtSession} may be run from many threads.
 */
public final class BlazeFace implements FaceDetector, AutoCloseable {

    /** MediaPipe's score threshold for the short-range model. */
    public static final float DEFAULT_MIN_SCORE = 0.5f;
    /** MediaPipe's suppression threshold. */
    public static final float DEFAULT_IOU = 0.3f;

    private static final int SIZE = (int) BlazeFaceDecoder.INPUT_SIZE;
    private static final String INPUT = "input:0";
    private static final String[] SCORES = {"Identity:0", "Identity_1:0"}; // 16×16×2 anchors, then 8×8×6
    private static final String[] BOXES = {"Identity_2:0", "Identity_3:0"};

    private final OrtEnvironment env;
    private final OrtSession session;
    private final BlazeFaceDecoder decoder = new BlazeFaceDecoder();
    private final float minScore;
    private final Nms.Mode nms;

    /**
     * Loads the model.
     *
     * @param model the ONNX file ({@code face_detection_front_128x128_barracuda.onnx})
     * @param minScore detections below this score are dropped
     * @param nms how overlapping detections are merged
     * @throws OrtException when ONNX Runtime cannot load the file
     */
    public BlazeFace(Path model, float minScore, Nms.Mode nms) throws OrtException {
        if (!(minScore >= 0f && minScore <= 1f)) {
            throw new IllegalArgumentException("BlazeFace minScore must be in [0, 1], got: " + minScore);
        }
        this.minScore = minScore;
        this.nms = nms;
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // one thread per call: the model is tiny, and callers parallelise over frames instead
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            // the converted model carries unused initializers; ORT warns about each one at load
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            this.session = env.createSession(model.toString(), options);
        }
    }

    /** Face boxes, best score first. */
    @Override
    public List<FaceBox> detect(RgbImage image) {
        if (image == null) {
            throw new IllegalArgumentException("blazeface: image must not be null");
        }
        List<Detection> detections = detections(image);
        List<FaceBox> boxes = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            boxes.add(d.toFaceBox());
        }
        return boxes;
    }

    /**
     * Detects faces with their keypoints.
     *
     * @param image the frame
     * @return detections in the frame's pixel coordinates, best score first
     */
    public List<Detection> detections(RgbImage image) {
        int w = image.width();
        int h = image.height();
        float s = (float) SIZE / Math.max(w, h);
        int rw = Math.max(1, Math.round(w * s));
        int rh = Math.max(1, Math.round(h * s));
        int left = (SIZE - rw) / 2;
        int top = (SIZE - rh) / 2;
        List<Detection> normalised;
        try (Mat src = Mats.toMat(image);
                Mat small = new Mat();
                Mat boxed = new Mat();
                Mat input = new Mat();
                Size size = new Size(rw, rh);
                Scalar black = new Scalar(0.0)) {
            resize(src, small, size, 0, 0, INTER_AREA);
            copyMakeBorder(small, boxed, top, SIZE - rh - top, left, SIZE - rw - left, BORDER_CONSTANT, black);
            boxed.convertTo(input, CV_32FC3, 1 / 127.5, -1.0);
            normalised = run(input.createBuffer());
        } catch (OrtException e) {
            throw new IllegalStateException(
                    "BlazeFace inference failed on a " + w + "x" + h + " image: " + e.getMessage(), e);
        }
        // normalised input coordinates → letterboxed pixels → frame pixels, per axis (rw/w differs from s by rounding)
        float sx = SIZE * (float) w / rw;
        float sy = SIZE * (float) h / rh;
        List<Detection> out = new ArrayList<>(normalised.size());
        for (Detection d : Nms.apply(normalised, DEFAULT_IOU, nms)) {
            out.add(d.map(sx, sy, -left * (float) w / rw, -top * (float) h / rh));
        }
        return out;
    }

    private List<Detection> run(FloatBuffer nhwc) throws OrtException {
        try (OnnxTensor t = OnnxTensor.createTensor(env, nhwc, new long[] {1, SIZE, SIZE, 3});
                OrtSession.Result r = session.run(Map.of(INPUT, t))) {
            float[] logits = new float[SsdAnchors.COUNT];
            float[][] regressors = new float[SsdAnchors.COUNT][];
            int i = 0;
            for (int part = 0; part < 2; part++) {
                float[][] scores =
                        ((float[][][]) r.get(SCORES[part]).orElseThrow().getValue())[0];
                float[][] boxes =
                        ((float[][][]) r.get(BOXES[part]).orElseThrow().getValue())[0];
                for (int j = 0; j < scores.length; j++, i++) {
                    logits[i] = scores[j][0];
                    regressors[i] = boxes[j];
                }
            }
            return decoder.decode(logits, regressors, minScore);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
