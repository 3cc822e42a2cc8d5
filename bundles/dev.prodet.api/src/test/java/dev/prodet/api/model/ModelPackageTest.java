package dev.prodet.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.nn.TensorShape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackageTest {

    static final FacePreprocessorInfo PRE = new FacePreprocessorInfo("blazeface-mp68-arcface256", "1.0.0");
    static final byte[] ONNX = "not really onnx, but bytes all the same".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    static ModelMetadata metadata() {
        return new ModelMetadata(
                ModelMetadata.FORMAT_VERSION,
                "prodet-effb4",
                "1.0.0",
                List.of(new TensorSpec("input", TensorShape.of(-1, 3, 256, 256), "float32")),
                List.of(new TensorSpec("fakeness", List.of(-1L), "float32")),
                17,
                new Preprocessing(256, List.of(0.5, 0.5, 0.5), List.of(0.5, 0.5, 0.5), "RGB", PRE),
                0.5,
                List.of("real", "fake"),
                new Provenance(
                        "efficientnet-b4",
                        "opr-tb",
                        List.of("sbi", "cbi"),
                        "FaceForensics++ c23",
                        8,
                        1024L,
                        1000L,
                        "abc123",
                        new InitialWeights("weights/b4-imagenet.safetensors", "0123456789abcdef".repeat(4))),
                Map.of("auc.cdfv2", 0.8448, "auc.ffpp", 0.99),
                null);
    }

    @Test
    void roundTripKeepsEveryFieldAndRecordsTheChecksum() throws Exception {
        ModelPackage written = ModelPackage.write(tmp, metadata(), ONNX);
        ModelPackage opened = ModelPackage.open(tmp);

        assertEquals(ModelPackage.sha256(ONNX), opened.metadata().sha256());
        assertEquals(metadata().withSha256(ModelPackage.sha256(ONNX)), opened.metadata());
        assertEquals(written.metadata(), opened.metadata());
        assertArrayEquals(ONNX, opened.readModel());
        assertEquals(
                TensorShape.of(-1, 3, 256, 256),
                opened.metadata().inputs().get(0).tensorShape());
        assertEquals(
                "[N,3,256,256]", opened.metadata().inputs().get(0).tensorShape().toString());
        // known SHA-256 of the empty input, to pin the hex format
        assertEquals(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ModelPackage.sha256(new byte[0]));
    }

    @Test
    void writeLeavesNoTemporaryFilesAndIsReproducible() throws Exception {
        ModelPackage.write(tmp, metadata(), ONNX);
        byte[] first = Files.readAllBytes(tmp.resolve("model.json"));
        ModelPackage.write(tmp, metadata(), ONNX); // overwrite in place
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(
                    List.of("model.json", "model.onnx"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertArrayEquals(first, Files.readAllBytes(tmp.resolve("model.json")));
        String json = new String(first, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"sha256\" : \"" + ModelPackage.sha256(ONNX) + "\""), json);
        assertTrue(json.contains("\"facePreprocessor\""), json);
    }

    @Test
    void tamperedModelIsRefusedWithChecksumError() throws Exception {
        ModelPackage.write(tmp, metadata(), ONNX);
        byte[] altered = ONNX.clone();
        altered[3] ^= 1;
        Files.write(tmp.resolve("model.onnx"), altered);

        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(tmp));
        assertEquals(
                "checksum mismatch for " + tmp.resolve("model.onnx") + ": expected " + ModelPackage.sha256(ONNX)
                        + ", found " + ModelPackage.sha256(altered),
                e.getMessage());
        assertEquals(tmp.resolve("model.onnx"), e.path());
    }

    @Test
    void modelReplacedAfterOpenIsRefusedWhenRead() throws Exception {
        ModelPackage.write(tmp, metadata(), ONNX);
        ModelPackage pkg = ModelPackage.open(tmp);
        Files.write(tmp.resolve("model.onnx"), new byte[] {1, 2, 3});
        ModelPackageException e = assertThrows(ModelPackageException.class, pkg::readModel);
        assertTrue(e.getMessage().startsWith("checksum mismatch for "), e.getMessage());
    }

    @Test
    void missingModelIsRefused() throws Exception {
        ModelPackage.write(tmp, metadata(), ONNX);
        Files.delete(tmp.resolve("model.onnx"));
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(tmp));
        assertTrue(e.getMessage().contains("checksum mismatch for " + tmp.resolve("model.onnx")), e.getMessage());
        assertTrue(e.getMessage().contains("found no file"), e.getMessage());
    }

    @Test
    void missingMetadataIsRefused() {
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(tmp));
        assertEquals("model.json missing: " + tmp.resolve("model.json"), e.getMessage());
    }

    @Test
    void unknownTopLevelKeyIsRefusedNamingKeyAndFile() throws Exception {
        ModelPackage.write(tmp, metadata(), ONNX);
        editJson(s -> s.replaceFirst("\\{", "{ \"treshold\" : 0.7,"));
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(tmp));
        assertTrue(e.getMessage().contains("unknown key 'treshold'"), e.getMessage());
        assertTrue(e.getMessage().contains(tmp.resolve("model.json").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("threshold"), "lists the known keys: " + e.getMessage());
    }

    @Test
    void unknownNestedKeyIsRefusedNamingItsPath() throws Exception {
        ModelPackage.write(tmp, metadata(), ONNX);
        editJson(s -> s.replace("\"colorOrder\"", "\"colourOrder\" : \"RGB\", \"colorOrder\""));
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(tmp));
        assertTrue(e.getMessage().contains("unknown key 'colourOrder'"), e.getMessage());
        assertTrue(e.getMessage().contains("preprocessing"), e.getMessage());
    }

    @Test
    void missingKeyIsRefused() throws Exception {
        ModelPackage.write(tmp, metadata(), ONNX);
        editJson(s -> s.replaceFirst("\"opset\" : 17,", ""));
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(tmp));
        assertTrue(e.getMessage().contains("opset"), e.getMessage());
    }

    @Test
    void invalidValueIsRefusedWithTheRecordsMessage() throws Exception {
        ModelPackage.write(tmp, metadata(), ONNX);
        editJson(s -> s.replace("\"threshold\" : 0.5", "\"threshold\" : 1.5"));
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(tmp));
        assertTrue(e.getMessage().contains("ModelMetadata.threshold must be in [0, 1], got: 1.5"), e.getMessage());
    }

    @Test
    void newerFormatIsRefused() throws Exception {
        ModelPackage.write(tmp, metadata(), ONNX);
        // a newer writer's new key is reported as a newer format, not as a mistake
        editJson(s -> s.replace("\"formatVersion\" : 3", "\"formatVersion\" : 4")
                .replace("\"labels\" :", "\"aKeyFromTheFuture\" : 1, \"labels\" :"));
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(tmp));
        assertTrue(e.getMessage().contains("formatVersion 4; this code reads up to 3"), e.getMessage());
    }

    @Test
    void aVersionTwoPackageReadsAsStartingWeightsAndFramesNotRecorded() throws Exception {
        ModelPackage.write(tmp, metadata(), ONNX);
        editJson(s -> s.replace("\"formatVersion\" : 3", "\"formatVersion\" : 2")
                .replaceAll("(?s),\\s*\"pretrained\" : \\{[^}]*\\}", ""));
        assertFalse(Files.readString(tmp.resolve("model.json")).contains("pretrained"));
        Provenance p = ModelPackage.open(tmp).metadata().provenance();
        assertNull(p.pretrained());
        assertEquals(0, p.framesPerVideo(), "version 2 always wrote 1 without measuring it");
        assertEquals("efficientnet-b4", p.backbone());
    }

    @Test
    void aVersionOnePackageReadsAsThresholdNotChosen() throws Exception {
        ModelPackage.write(tmp, metadata(), ONNX);
        editJson(s -> s.replace("\"formatVersion\" : 3", "\"formatVersion\" : 1")
                .replaceAll("(?s)\"thresholdChoice\" : \\{[^}]*\\},", ""));
        assertFalse(Files.readString(tmp.resolve("model.json")).contains("thresholdChoice"));
        ModelMetadata md = ModelPackage.open(tmp).metadata();
        assertEquals(ThresholdChoice.notChosen(), md.thresholdChoice());
        assertEquals(1, md.formatVersion());
    }

    @Test
    void aThresholdChosenOnValidationDataIsRecordedWithHowItWasChosen() throws Exception {
        ModelPackage written = ModelPackage.write(tmp, metadata(), ONNX);
        ThresholdChoice eer = new ThresholdChoice(ThresholdChoice.EER, "validation split of d: 3 real vs 9 forged");
        ModelPackage calibrated = written.withThreshold(0.25, eer);
        ModelMetadata md = ModelPackage.open(tmp).metadata();
        assertEquals(0.25, md.threshold());
        assertEquals(eer, md.thresholdChoice());
        assertEquals(written.metadata().sha256(), md.sha256(), "the network is untouched");
        assertEquals(md, calibrated.metadata());
        assertThrows(IllegalArgumentException.class, () -> new ThresholdChoice("guess", "x"));
        assertThrows(IllegalArgumentException.class, () -> written.withThreshold(1.5, eer));
    }

    @Test
    void writeRefusesAChecksumThatDoesNotMatchTheBytes() {
        ModelMetadata wrong = metadata().withSha256("0".repeat(64));
        assertThrows(IllegalArgumentException.class, () -> ModelPackage.write(tmp, wrong, ONNX));
        assertTrue(Files.notExists(tmp.resolve("model.onnx")));
    }

    @Test
    void preprocessorMismatchIsRefused() throws Exception {
        ModelPackage pkg = ModelPackage.write(tmp, metadata(), ONNX);
        pkg.verifyPreprocessor(new FacePreprocessorInfo("blazeface-mp68-arcface256", "1.0.0"));
        ModelPackageException e = assertThrows(
                ModelPackageException.class,
                () -> pkg.verifyPreprocessor(new FacePreprocessorInfo("dlib81-arcface256", "1.0.0")));
        assertTrue(e.getMessage().contains("blazeface-mp68-arcface256@1.0.0"), e.getMessage());
        assertTrue(e.getMessage().contains("dlib81-arcface256@1.0.0"), e.getMessage());
        assertThrows(
                ModelPackageException.class,
                () -> pkg.verifyPreprocessor(new FacePreprocessorInfo("blazeface-mp68-arcface256", "1.0.1")));
    }

    @Test
    void metadataValidationNamesFieldAndValue() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Preprocessing(256, List.of(0.5, 0.5), List.of(0.5, 0.5, 0.5), "RGB", PRE));
        assertTrue(e.getMessage().startsWith("Preprocessing.mean must hold 3 values"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new Preprocessing(256, List.of(0.5, 0.5, 0.5), List.of(0.5, 0.0, 0.5), "RGB", PRE));
        assertTrue(e.getMessage().startsWith("Preprocessing.std"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TensorSpec("x", List.of(0L, 3L), "float32"));
        assertTrue(e.getMessage().contains("dims[0]"), e.getMessage());
        ModelMetadata md = metadata();
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new ModelMetadata(
                        1,
                        "../evil",
                        "1",
                        md.inputs(),
                        md.outputs(),
                        17,
                        md.preprocessing(),
                        0.5,
                        md.labels(),
                        md.provenance(),
                        Map.of(),
                        null));
        assertTrue(e.getMessage().contains("'../evil'"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new ModelMetadata(
                        1,
                        "m",
                        "1",
                        List.of(md.inputs().get(0), md.inputs().get(0)),
                        md.outputs(),
                        17,
                        md.preprocessing(),
                        0.5,
                        md.labels(),
                        md.provenance(),
                        Map.of(),
                        null));
        assertTrue(e.getMessage().contains("'input' appears twice"), e.getMessage());
        assertNotNull(md.metrics());
        assertEquals(List.of("auc.cdfv2", "auc.ffpp"), List.copyOf(md.metrics().keySet()), "sorted metrics");
    }

    private void editJson(java.util.function.UnaryOperator<String> edit) throws IOException {
        Path json = tmp.resolve("model.json");
        String before = Files.readString(json);
        String after = edit.apply(before);
        assertTrue(!before.equals(after), "test edit must change model.json");
        Files.writeString(json, after);
    }
}
