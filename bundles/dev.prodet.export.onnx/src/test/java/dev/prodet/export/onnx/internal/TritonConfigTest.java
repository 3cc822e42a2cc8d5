package dev.prodet.export.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.TextFormat;
import dev.prodet.api.model.ModelExporter;
import dev.prodet.api.model.ModelMetadata;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.TensorSpec;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.ParameterInit;
import dev.prodet.export.onnx.triton.DataType;
import dev.prodet.export.onnx.triton.ModelConfig;
import dev.prodet.export.onnx.triton.ModelInput;
import dev.prodet.export.onnx.triton.ModelOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The written {@code config.pbtxt} parsed by protobuf's text-format parser against Triton's {@code ModelConfig}
 * schema: it must parse (no unknown field, right types) and its tensors must be the ones {@code model.json} declares,
 * without the batch dimension.
 */
class TritonConfigTest {
    private static Network network;

    @TempDir
    Path repo;

    @BeforeAll
    static void network() {
        network = Networks.prodet("compact", 128);
    }

    @Test
    void configParsesAsTritonModelConfigAndAgreesWithModelJson() throws Exception {
        ModelPackage pkg = export(repo.resolve("prodet-test").resolve("3"), "3");
        ModelConfig config = parse(repo.resolve("prodet-test").resolve("config.pbtxt"));
        ModelMetadata md = pkg.metadata();

        assertEquals("prodet-test", config.getName());
        assertEquals("onnxruntime_onnx", config.getPlatform());
        assertEquals(TritonConfig.MAX_BATCH, config.getMaxBatchSize());
        assertTrue(config.hasDynamicBatching());
        assertEquals(1, config.getVersionPolicy().getLatest().getNumVersions());
        assertEquals(md.inputs().size(), config.getInputCount());
        for (int i = 0; i < md.inputs().size(); i++) {
            TensorSpec spec = md.inputs().get(i);
            ModelInput in = config.getInput(i);
            assertEquals(spec.name(), in.getName());
            assertEquals(DataType.TYPE_FP32, in.getDataType());
            assertEquals(spec.shape().subList(1, spec.shape().size()), in.getDimsList());
        }
        assertEquals(md.outputs().size(), config.getOutputCount());
        for (int i = 0; i < md.outputs().size(); i++) {
            TensorSpec spec = md.outputs().get(i);
            ModelOutput out = config.getOutput(i);
            assertEquals(spec.name(), out.getName());
            assertEquals(DataType.TYPE_FP32, out.getDataType());
            List<Long> perItem = spec.shape().subList(1, spec.shape().size());
            if (perItem.isEmpty()) { // [batch]: Triton needs one dim, reshaped to a scalar per item
                assertEquals(List.of(1L), out.getDimsList());
                assertTrue(out.hasReshape());
                assertEquals(0, out.getReshape().getShapeCount());
            } else {
                assertEquals(perItem, out.getDimsList());
            }
        }
        assertTrue(md.outputs().stream().anyMatch(o -> o.name().equals("p_fake")), "p_fake is served");
    }

    @Test
    void theConfigDescribesTheNewestVersionWhicheverWasExportedLast() throws Exception {
        Path model = repo.resolve("prodet-test");
        export(model.resolve("10"), "10");
        export(model.resolve("9"), "9");
        assertTrue(Files.readString(model.resolve("config.pbtxt")).contains("(prodet-test 10)"));
    }

    @Test
    void noConfigWhereTritonCouldNotServeThePackage() throws Exception {
        Path model = repo.resolve("prodet-test");
        String note = TritonConfig.update(
                model.resolve("v2"), exportOnly(model.resolve("v2"), "v2").metadata());
        assertTrue(note.contains("numeric"), note);
        assertFalse(Files.exists(model.resolve("config.pbtxt")));
        Path elsewhere = repo.resolve("other-folder").resolve("1");
        note = TritonConfig.update(elsewhere, exportOnly(elsewhere, "1").metadata());
        assertTrue(note.contains("not in a"), note);
    }

    @Test
    void theParserRejectsAFieldTritonDoesNotHave() {
        assertThrows(TextFormat.ParseException.class, () -> TextFormat.parse("nme: \"x\"", ModelConfig.class));
    }

    private ModelPackage export(Path dir, String version) throws Exception {
        ModelPackage pkg = exportOnly(dir, version);
        TritonConfig.update(dir, pkg.metadata());
        return pkg;
    }

    private static ModelPackage exportOnly(Path dir, String version) throws Exception {
        ModelExporter.ExportRequest base = OnnxModelExporterTest.request();
        ModelExporter.ExportRequest req = new ModelExporter.ExportRequest(
                "prodet-test", version, base.preprocessing(), base.threshold(), base.provenance(), base.metrics());
        return new OnnxModelExporter().export(network, ParameterInit.values(network, 1), req, dir);
    }

    private static ModelConfig parse(Path file) throws Exception {
        ModelConfig.Builder b = ModelConfig.newBuilder();
        TextFormat.getParser().merge(Files.readString(file), b);
        return b.build();
    }
}
