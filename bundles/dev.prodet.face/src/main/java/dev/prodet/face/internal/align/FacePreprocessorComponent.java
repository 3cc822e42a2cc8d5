package dev.prodet.face.internal.align;

import dev.prodet.api.face.AlignedFace;
import dev.prodet.api.face.FaceDetector;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.RgbImage;
import dev.prodet.face.FacePreprocessor;
import dev.prodet.face.internal.assets.AssetLocator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * starts cleanly and the first use says how to fetch them.
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
    private volatile FacePipeline pipeline;

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
    synchronized void deactivate() throws Exception {
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }

    private FacePipeline pipeline() {
        FacePipeline p = pipeline;
        if (p == null) {
            synchronized (this) {
                if (pipeline == null) {
                    pipeline = FacePipeline.create(detector, detectorName, assets, null); // fails with a fetch hint
                }
                p = pipeline;
            }
        }
        return p;
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
        return pipeline().alignLargest(frame);
    }

    @Override
    public List<AlignedFace> alignAll(RgbImage frame) {
        return pipeline().alignAll(frame);
    }
}
