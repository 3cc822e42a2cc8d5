package dev.prodet.data.internal.dataset;

import dev.prodet.api.data.Dataset;
import dev.prodet.api.data.DatasetProvider;
import java.io.IOException;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/** Opens dataset folders written by {@code prodet:data prepare} or {@code prodet:data sample}. */
@Component(
        property = {
            "prodet.dataset.name=prepared",
            "prodet.dataset.version=1.0.0",
            "prodet.dataset.description=a dataset folder prepared by ProDet (manifest.json, aligned crops, landmarks)",
            "service.ranking:Integer=0"
        })
public final class PreparedDatasetProvider implements DatasetProvider {

    @Override
    public String name() {
        return "prepared";
    }

    @Override
    public Dataset open(Path root) throws IOException {
        return ManifestDataset.open(root);
    }
}
