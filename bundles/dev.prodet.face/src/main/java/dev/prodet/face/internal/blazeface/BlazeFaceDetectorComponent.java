package dev.prodet.face.internal.blazeface;

import ai.onnxruntime.OrtException;
import dev.prodet.api.face.FaceBox;
import dev.prodet.api.face.FaceDetector;
import dev.prodet.api.face.RgbImage;
import dev.prodet.face.FacePreprocessorClosedException;
import dev.prodet.face.internal.assets.Asset;
import dev.prodet.face.internal.assets.AssetLocator;
import dev.prodet.face.internal.cv.LastUser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@code blazeface} face-detector plugin. Configuration (PID {@code dev.prodet.face.blazeface}):
 * {@code minScore} (default 0.5) and {@code nms} ({@code weighted}, the default, or {@code plain}). The model is
 * read from the assets folder (see {@link AssetLocator}) at the first frame; a missing model fails that call with a
 * message that says how to fetch it. Deactivation closes the session after the last running call has returned.
 */
@Component(
        configurationPid = "dev.prodet.face.blazeface",
        property = {
            "prodet.facedetector.name=blazeface",
            "prodet.facedetector.version=1.0.0",
            "prodet.facedetector.description=MediaPipe BlazeFace short-range (128x128, letterboxed) on ONNX Runtime, "
                    + "weighted NMS",
            "service.ranking:Integer=100"
        })
public final class BlazeFaceDetectorComponent implements FaceDetector {

    private volatile AssetLocator assets;
    private volatile float minScore;
    private volatile Nms.Mode mode;
    private BlazeFace blazeFace; // guarded by this
    private final LastUser users = new LastUser(this::closeModel);

    @Activate
    void activate(BundleContext context, Map<String, Object> properties) {
        minScore = floatProperty(properties, "minScore", BlazeFace.DEFAULT_MIN_SCORE);
        Object nms = properties.getOrDefault("nms", "weighted");
        try {
            mode = Nms.Mode.valueOf(String.valueOf(nms).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("blazeface: nms must be 'weighted' or 'plain', got: '" + nms + "'");
        }
        assets = AssetLocator.fromProperties(context::getProperty);
    }

    @Deactivate
    void deactivate() {
        users.closeWhenIdle();
    }

    private synchronized void closeModel() {
        if (blazeFace != null) {
            try {
                blazeFace.close();
            } catch (OrtException e) {
                // the session is gone either way
            }
            blazeFace = null;
        }
    }

    // the model loads at the first frame: a runtime without assets starts cleanly
    private synchronized BlazeFace model() {
        if (blazeFace == null) {
            try {
                blazeFace = new BlazeFace(assets.require(Asset.BLAZEFACE_FRONT), minScore, mode);
            } catch (OrtException e) {
                throw new IllegalStateException(
                        "blazeface: ONNX Runtime cannot load " + assets.pathOf(Asset.BLAZEFACE_FRONT) + ": "
                                + e.getMessage(),
                        e);
            }
        }
        return blazeFace;
    }

    @Override
    public List<FaceBox> detect(RgbImage image) {
        if (!users.enter()) {
            throw new FacePreprocessorClosedException("face detector blazeface");
        }
        try {
            return model().detect(image);
        } finally {
            users.exit();
        }
    }

    static float floatProperty(Map<String, Object> properties, String key, float fallback) {
        Object v = properties.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return v instanceof Number n
                    ? n.floatValue()
                    : Float.parseFloat(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("blazeface: " + key + " must be a number, got: '" + v + "'");
        }
    }
}
