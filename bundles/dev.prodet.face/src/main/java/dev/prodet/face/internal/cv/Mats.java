package dev.prodet.face.internal.cv;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import dev.prodet.api.face.RgbImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Conversions between {@link RgbImage} and OpenCV {@link Mat} (8-bit, 3 channels, RGB order), and image files. */
public final class Mats {

    private Mats() {}

    /** A new {@code CV_8UC3} Mat holding the image's pixels in RGB order; the caller closes it. */
    public static Mat toMat(RgbImage image) {
        Mat m = new Mat(image.height(), image.width(), CV_8UC3);
        ByteBuffer dst = m.createBuffer();
        dst.put(image.rgbBuffer());
        return m;
    }

    /** The pixels of a {@code CV_8UC3} RGB Mat as an image. */
    public static RgbImage toImage(Mat rgb) {
        if (rgb.type() != CV_8UC3 || rgb.empty()) {
            throw new IllegalArgumentException("expected a non-empty 8-bit 3-channel Mat, got type " + rgb.type()
                    + " size " + rgb.cols() + "x" + rgb.rows());
        }
        Mat m = rgb.isContinuous() ? rgb : rgb.clone();
        try {
            byte[] px = new byte[m.cols() * m.rows() * 3];
            m.data().get(px);
            return new RgbImage(m.cols(), m.rows(), px);
        } finally {
            if (m != rgb) {
                m.close();
            }
        }
    }

    /**
     * Reads a PNG, JPEG or other image file that OpenCV decodes, as RGB.
     *
     * @throws IOException when the file is missing or cannot be decoded; the message names the file
     */
    public static RgbImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("image file not found: " + file);
        }
        try (Mat bgr = imread(file.toString(), IMREAD_COLOR)) {
            if (bgr.empty()) {
                throw new IOException(
                        "cannot decode image file (not an image, or a format OpenCV cannot read): " + file);
            }
            try (Mat rgb = new Mat()) {
                cvtColor(bgr, rgb, COLOR_BGR2RGB);
                return toImage(rgb);
            }
        }
    }

    /** Warps {@code src} by {@code transform} into a new {@code width×height} Mat (bilinear, black border). */
    public static Mat warp(Mat src, Similarity transform, int width, int height) {
        Mat dst = new Mat();
        try (Mat m = transform.toMat();
                Size size = new Size(width, height);
                Scalar black = new Scalar(0.0)) {
            warpAffine(src, dst, m, size, INTER_LINEAR, BORDER_CONSTANT, black);
        }
        return dst;
    }
}
