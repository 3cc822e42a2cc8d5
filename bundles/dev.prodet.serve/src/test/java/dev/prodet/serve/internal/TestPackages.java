package dev.prodet.serve.internal;

import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.model.ModelExporter;
import dev.prodet.api.model.ModelMetadata;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.api.model.Provenance;
import dev.prodet.api.model.TensorSpec;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.ParameterInit;
import dev.prodet.api.nn.ParameterSpec;
import dev.prodet.api.nn.ProDetHead;
import dev.prodet.backbone.compact.internal.CompactBackbone;
import dev.prodet.export.onnx.internal.OnnxModelExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/** Model packages for tests: real ONNX exports of the compact ProDet network, or metadata over fake bytes. */
public final class TestPackages {
    /** The face preprocessing the test packages declare. */
    public static final FacePreprocessorInfo FACE = new FacePreprocessorInfo("test-aligner", "1");
    /** Input side of the test packages (the compact backbone's smallest). */
    public static final int SIZE = 64;

    private TestPackages() {}

    /** Exports a compact ProDet network with parameters from {@code seed} to {@code repo/name/version}. */
    public static ModelPackage export(Path repo, String name, String version, long seed) throws Exception {
        return export(repo, name, version, seed, FACE);
    }

    /** As {@link #export(Path, String, String, long)}, declaring another face preprocessor. */
    public static ModelPackage export(Path repo, String name, String version, long seed, FacePreprocessorInfo face)
            throws Exception {
        return export(repo, name, version, seed, face, SIZE);
    }

    /** As {@link #export(Path, String, String, long)} at another input size (a multiple of 32, at least 64). */
    public static ModelPackage export(
            Path repo, String name, String version, long seed, FacePreprocessorInfo face, int size) throws Exception {
        Network net = network(size);
        ModelExporter.ExportRequest req =
                new ModelExporter.ExportRequest(name, version, preprocessing(face, size), 0.5, provenance(), Map.of());
        // written beside the repository and renamed into it, as an operator publishes a version
        Path staging = Files.createTempDirectory(repo.getParent() == null ? repo : repo.getParent(), ".staging");
        new OnnxModelExporter().export(net, parameters(net, seed), req, staging);
        Path target = repo.resolve(name).resolve(version);
        Files.createDirectories(target.getParent());
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return ModelPackage.open(target);
    }

    /**
     * Seeded parameters with every weight scaled by 2.8: at PyTorch's default init the compact network's signal
     * fades and p_fake is the same for every image, which would let a wrong input pass a comparison unnoticed.
     * Scaled, p_fake varies with the image (about 0.64 to 0.72 on noise) without saturating.
     */
    public static Map<String, float[]> parameters(Network net, long seed) {
        Map<String, float[]> p = new java.util.LinkedHashMap<>(ParameterInit.values(net, seed));
        for (ParameterSpec ps : net.parameters()) {
            if (ps.role() == ParameterSpec.Role.WEIGHT) {
                float[] v = p.get(ps.name());
                for (int i = 0; i < v.length; i++) {
                    v[i] *= 2.8f;
                }
            }
        }
        return p;
    }

    /** The compact network with the ProDet head at the given input size. */
    public static Network network(int size) {
        NetworkBuilder b = new NetworkBuilder("compact+prodet");
        String image = b.input("image", 3, size, size);
        String features = new CompactBackbone().build(b, image, size);
        ProDetHead.build(b, features, new ProDetHead.Config(64, 64, true, true));
        return b.build();
    }

    /** A package whose model.onnx is {@code bytes} (valid checksum, not necessarily valid ONNX). */
    public static ModelPackage fake(Path repo, String name, String version, byte[] bytes) throws IOException {
        ModelMetadata md = new ModelMetadata(
                ModelMetadata.FORMAT_VERSION,
                name,
                version,
                List.of(new TensorSpec("image", List.of(-1L, 3L, (long) SIZE, (long) SIZE), "float32")),
                List.of(
                        new TensorSpec("p_fake", List.of(-1L), "float32"),
                        new TensorSpec("logits", List.of(-1L, 2L), "float32")),
                17,
                preprocessing(FACE, SIZE),
                0.5,
                List.of("real", "fake"),
                provenance(),
                Map.of(),
                null);
        return ModelPackage.write(repo.resolve(name).resolve(version), md, bytes);
    }

    static Preprocessing preprocessing(FacePreprocessorInfo face, int size) {
        return new Preprocessing(size, List.of(0.5, 0.5, 0.5), List.of(0.5, 0.5, 0.5), "RGB", face);
    }

    static Provenance provenance() {
        return new Provenance("compact", "opr-tb", List.of("sbi"), "unit-test", 8, 1, 0, "test");
    }

    /** Makes every file of a package look older than any settle time. */
    public static void age(Path versionDir) throws IOException {
        java.nio.file.attribute.FileTime old =
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        try (var s = Files.list(versionDir)) {
            for (Path p : s.toList()) {
                Files.setLastModifiedTime(p, old);
            }
        }
        Files.setLastModifiedTime(versionDir, old);
    }
}
