package dev.prodet.api.model;

import dev.prodet.api.nn.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns a network description and its trained parameter values into a model package ({@code model.onnx} +
 * {@code model.json}, plus {@code network.json} with the description). Implemented by the ONNX export bundle.
 */
@ProviderType
public interface ModelExporter {

    /**
     * Exports and verifies a package.
     *
     * @param network the description; training-only parts are left out of the export
     * @param parameters a value for every parameter of {@code network}, by name
     * @param request name, version and metadata of the package
     * @param packageDir the package directory, usually {@code <repo>/<name>/<version>}
     * @return the written package, already re-opened and checksum-verified
     * @throws IOException when writing fails
     * @throws IllegalArgumentException when a parameter is missing or has the wrong size
     */
    ModelPackage export(Network network, Map<String, float[]> parameters, ExportRequest request, Path packageDir)
            throws IOException;

    /**
     * What the package says about itself besides the network.
     *
     * @param name model name
     * @param version model version
     * @param preprocessing input preprocessing (size, mean, std, face preprocessor)
     * @param threshold fakeness threshold for the label
     * @param provenance where the model came from
     * @param metrics evaluation metrics known at export time; may be empty
     */
    record ExportRequest(
            String name,
            String version,
            Preprocessing preprocessing,
            double threshold,
            Provenance provenance,
            Map<String, Double> metrics) {
        public ExportRequest {
            metrics = Map.copyOf(metrics);
        }
    }
}
