package dev.prodet.face;

import ai.onnxruntime.OrtException;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.face.internal.align.FacePipeline;
import dev.prodet.face.internal.assets.Asset;
import dev.prodet.face.internal.assets.AssetLocator;
import java.nio.file.Path;
import java.util.List;

/**
 * Plain-Java entry point to the face pipeline, for code that runs without Declarative Services (Spark jobs, tools).
 * It builds exactly what the OSGi {@link FacePreprocessor} service builds with its default configuration (BlazeFace,
 * weighted NMS, the MediaPipe face mesh, the crop template), so crops made here carry the same
 * {@link FacePreprocessor#info()} and the same pixels.
 */
public final class FacePipelines {

    private static final String DETECTOR = "blazeface";

    private FacePipelines() {}

    /**
     * The default face pipeline with its models read (and SHA-256 checked) from an assets folder.
     *
     * @param assetsDir the folder {@code scripts/fetch-assets.sh} fills ({@code models/} below it)
     * @throws IllegalStateException when a model is missing, corrupt or cannot be loaded; the message says how to
     *     fetch it
     */
    public static StandaloneFacePreprocessor open(Path assetsDir) {
        try {
            return FacePipeline.blazeface(AssetLocator.of(assetsDir));
        } catch (OrtException e) {
            throw new IllegalStateException(
                    "ONNX Runtime cannot load the face detector from " + assetsDir + ": " + e.getMessage(), e);
        }
    }

    /** Id and version of the default pipeline's crops, known without loading its models. */
    public static FacePreprocessorInfo info() {
        return FacePipeline.info(DETECTOR);
    }

    /** The files {@link #open} reads, relative to the assets folder ({@code /} separators). */
    public static List<String> assetFiles() {
        return Asset.ALL.stream().map(Asset::relativePath).toList();
    }

    /**
     * The assets folder as the OSGi runtime finds it: system property {@code prodet.assets.dir}, else
     * {@code <prodet.home>/assets}, else {@code $PRODET_HOME/assets}, else {@code ~/.cache/prodet/assets}.
     */
    public static Path defaultAssetsDir() {
        return AssetLocator.fromSystem().dir();
    }
}
