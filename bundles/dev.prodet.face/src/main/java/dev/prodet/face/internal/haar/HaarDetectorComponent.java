package dev.prodet.face.internal.haar;

import dev.prodet.api.face.FaceBox;
import dev.prodet.api.face.FaceDetector;
import dev.prodet.api.face.RgbImage;
import dev.prodet.face.FacePreprocessorClosedException;
import dev.prodet.face.internal.cv.LastUser;
import java.io.IOException;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@code haar} face-detector plugin: OpenCV's frontal-face Haar cascade, ranked below BlazeFace. Deactivation
 * frees the cascades after the last running call has returned.
 */
@Component(
        property = {
            "prodet.facedetector.name=haar",
            "prodet.facedetector.version=1.0.0",
            "prodet.facedetector.description=OpenCV Haar cascade haarcascade_frontalface_default (frontal faces; "
                    + "no model download)",
            "service.ranking:Integer=10"
        })
public final class HaarDetectorComponent implements FaceDetector {

    private volatile HaarCascade cascade;
    private final LastUser users = new LastUser(() -> cascade.close());

    @Activate
    void activate() throws IOException {
        cascade = new HaarCascade();
    }

    @Deactivate
    void deactivate() {
        users.closeWhenIdle();
    }

    @Override
    public List<FaceBox> detect(RgbImage image) {
        if (!users.enter()) {
            throw new FacePreprocessorClosedException("face detector haar");
        }
        try {
            return cascade.detect(image);
        } finally {
            users.exit();
        }
    }
}
