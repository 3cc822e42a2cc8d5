package dev.prodet.face.internal.haar;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.prodet.api.face.FaceBox;
import dev.prodet.api.face.FaceDetector;
import dev.prodet.api.face.RgbImage;
import dev.prodet.face.internal.cv.Mats;
import dev.prodet.face.internal.cv.NativePool;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_objdetect;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Viola–Jones face detection with OpenCV's frontal-face Haar cascade (grey, histogram-equalised; scale factor 1.1,
 * 5 neighbours, faces of at least 30 px, the settings that find exactly one face in the test portraits, data.md
 * §2.1). Frames are first scaled down so that their long side is at most {@value #MAX_SIDE} px, which keeps the
 * cost bounded on large frames.
 *
 * <p>A cascade has no probability; the score is {@code n / (n + 5)} for a box that {@code n} raw detections voted
 * for, so it lies in [0.5, 1) and grows with the evidence. {@code CascadeClassifier} is not thread-safe, so each
 * thread borrows one from a pool.
 */
public final class HaarCascade implements FaceDetector, AutoCloseable {

    /** The cascade, inside the OpenCV natives jar. */
    public static final String CASCADE = "share/opencv4/haarcascades/haarcascade_frontalface_default.xml";
    /** Long side, in pixels, of the copy the cascade runs on. */
    public static final int MAX_SIDE = 640;

    private static final double SCALE_FACTOR = 1.1;
    private static final int MIN_NEIGHBOURS = 5;
    private static final int MIN_SIZE = 30;

    private final NativePool<CascadeClassifier> pool;

    /**
     * Extracts the cascade from the OpenCV jar and prepares the pool.
     *
     * @throws IOException when the cascade cannot be found or extracted
     */
    public HaarCascade() throws IOException {
        // the class pins the class loader that holds the resource: in OSGi, the OpenCV platform bundle
        String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/" + CASCADE;
        File xml = Loader.cacheResource(opencv_objdetect.class, resource);
        if (xml == null || !xml.isFile()) {
            throw new IOException("Haar cascade " + resource + " not found in the OpenCV natives jar for "
                    + Loader.getPlatform() + " (org.bytedeco:opencv:" + Loader.getPlatform() + ")");
        }
        String path = xml.getAbsolutePath();
        this.pool = new NativePool<>(
                () -> {
                    CascadeClassifier c = new CascadeClassifier(path);
                    if (c.empty()) {
                        c.close();
                        throw new IllegalStateException("OpenCV could not load the Haar cascade " + path);
                    }
                    return c;
                },
                Runtime.getRuntime().availableProcessors());
        pool.release(pool.acquire()); // load once now, so that a broken cascade fails at start, not per frame
    }

    @Override
    public List<FaceBox> detect(RgbImage image) {
        if (image == null) {
            throw new IllegalArgumentException("haar: image must not be null");
        }
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(image.width(), image.height()));
        List<FaceBox> boxes = new ArrayList<>();
        CascadeClassifier cascade = pool.acquire();
        try (Mat rgb = Mats.toMat(image);
                Mat full = new Mat();
                Mat small = new Mat();
                Mat gray = new Mat();
                RectVector rects = new RectVector();
                IntPointer votes = new IntPointer();
                Size min = new Size(MIN_SIZE, MIN_SIZE);
                Size max = new Size()) {
            cvtColor(rgb, full, COLOR_RGB2GRAY);
            if (scale < 1.0) {
                try (Size size =
                        new Size((int) Math.round(image.width() * scale), (int) Math.round(image.height() * scale))) {
                    resize(full, small, size, 0, 0, INTER_AREA);
                }
            }
            equalizeHist(scale < 1.0 ? small : full, gray);
            cascade.detectMultiScale2(gray, rects, votes, SCALE_FACTOR, MIN_NEIGHBOURS, 0, min, max);
            for (long i = 0; i < rects.size(); i++) {
                Rect r = rects.get(i);
                int n = votes.get(i);
                boxes.add(new FaceBox(
                        (float) (r.x() / scale),
                        (float) (r.y() / scale),
                        (float) (r.width() / scale),
                        (float) (r.height() / scale),
                        (float) n / (n + MIN_NEIGHBOURS)));
            }
        } finally {
            pool.release(cascade);
        }
        boxes.sort(Comparator.comparingDouble(FaceBox::score).reversed());
        return boxes;
    }

    @Override
    public void close() {
        pool.close();
    }
}
