package dev.prodet.api.face;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Finds faces in an image. Implemented by face-detector plugins (kind {@code facedetector}), e.g. BlazeFace on ONNX
 * Runtime or an OpenCV Haar cascade.
 *
 * <p>Implementations must be thread-safe: the serving runtime calls one instance from many request threads.
 */
@ConsumerType
public interface FaceDetector {

    /**
     * Detects the faces in an image.
     *
     * @param image the image, never {@code null}
     * @return the faces found, best score first; empty when there is none, never {@code null}
     */
    List<FaceBox> detect(RgbImage image);
}
