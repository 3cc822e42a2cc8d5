package dev.prodet.face.internal.align;

import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.FaceDetector;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.RgbImage;
import dev.prodet.face.FacePreprocessor;
import dev.prodet.face.FacePreprocessorClosedException;
import dev.prodet.face.internal.assets.AssetLocator;
import dev.prodet.face.internal.cv.LastUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link FacePreprocessor} service. It uses the face-detector plugin selected by the component property
 * {@code facedetector.target} (PID {@code dev.prodet.face.preprocessor}; default BlazeFace) through a static
 * reference: changing the detector changes the preprocessor id, so the component is re-created rather than
 * swapped mid-stream. The face landmark model is loaded at the first frame, so a runtime without fetched assets
 * starts cleanly and the first use says how to fetch them. Deactivation (a swap, a bundle update) closes the models
 * only after the last call running on them has returned; calls that arrive later fail with
 * {@link FacePreprocessorClosedException} so the caller can use the new service.
 */
@Component(
        service = FacePreprocessor.class,
        configurationPid = "dev.prodet.face.preprocessor",
        property = "facedetector.target=(prodet.facedetector.name=blazeface)")
public final class FacePreprocessorComponent implements FacePreprocessor {

    private static final String DETECTOR_NAME = "prodet.facedetector.name";

    private volatile FaceDetector detector;
    private volatile String detectorName;
    private volatile AssetLocator assets;
    private FacePipeline pipeline; // guarded by this
    private final LastUser users = new LastUser(this::closePipeline);

    @Reference(name = "facedetector")
    void bindDetector(FaceDetector service, Map<String, Object> serviceProperties) {
        // static reference: called once before activation
        this.detector = service;
        Object name = serviceProperties.get(DETECTOR_NAME);
        this.detectorName = name == null ? "unnamed" : name.toString();
    }

    @Activate
    void activate(BundleContext context) {
        assets = AssetLocator.fromProperties(context::getProperty);
    }

    @Deactivate
    void deactivate() {
        users.closeWhenIdle();
    }

    private synchronized void closePipeline() {
        if (pipeline != null) {
            try {
                pipeline.close();
            } catch (Exception e) {
                // native memory is freed either way; nothing a caller could do
            }
            pipeline = null;
        }
    }

    private synchronized FacePipeline pipeline() {
        if (pipeline == null) {
            pipeline = FacePipeline.create(detector, detectorName, assets, null); // fails with a fetch hint
        }
        return pipeline;
    }

    private <T> T use(Function<FacePipeline, T> call) {
        if (!users.enter()) {
            throw new FacePreprocessorClosedException("face preprocessor " + info().id());
        }
        try {
            return call.apply(pipeline());
        } finally {
            users.exit();
        }
    }

    @Override
    public FacePreprocessorInfo info() {
        return FacePipeline.info(detectorName);
    }

    @Override
    public int cropSize() {
        return CropTemplate.SIZE;
    }

    @Override
    public Optional<AlignedFace> alignLargest(RgbImage frame) {
        return use(p -> p.alignLargest(frame));
    }

    @Override
    public List<AlignedFace> alignAll(RgbImage frame) {
        return use(p -> p.alignAll(frame));
    }

    @Override
    public List<AlignedFace> alignLargest(RgbImage frame, int maxFaces) {
        return use(p -> p.alignLargest(frame, maxFaces));
    }
}
