package dev.prodet.train.djl.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.forgery.AnchorKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {
    static final Path EXPERIMENTS = Path.of("../../configs/experiments");

    static Stream<Path> shippedConfigs() throws Exception {
        return Files.list(EXPERIMENTS)
                .filter(p -> p.toString().endsWith(".yaml"))
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("shippedConfigs")
    void everyShippedConfigLoads(Path file) {
        ExperimentConfig c = ConfigLoader.load(file, List.of());
        assertEquals(file.getFileName().toString().replace(".yaml", ""), c.run().name());
    }

    @Test
    void blendfakeOnlyAndDeepfakeOnlyArePlainBinaryClassifiers() {
        ExperimentConfig bf = ConfigLoader.load(EXPERIMENTS.resolve("bf-only-compact-cpu.yaml"), List.of());
        assertEquals("vht", bf.regularizer().name(), "the paper's BF-only is a plain classifier, not ProDet's heads");
        assertEquals(
                List.of(AnchorKind.REAL, AnchorKind.SBI, AnchorKind.CBI),
                bf.data().anchors());
        ExperimentConfig df = ConfigLoader.load(EXPERIMENTS.resolve("df-only-compact-cpu.yaml"), List.of());
        assertEquals("vht", df.regularizer().name());
        assertEquals(List.of(AnchorKind.REAL, AnchorKind.DEEPFAKE), df.data().anchors());
        ExperimentConfig prodet = ConfigLoader.load(EXPERIMENTS.resolve("prodet-compact-cpu.yaml"), List.of());
        for (ExperimentConfig c : List.of(bf, df)) { // the comparison changes the method, nothing else
            assertEquals(prodet.run().steps(), c.run().steps());
            assertEquals(prodet.model(), c.model());
            assertEquals(prodet.data().root(), c.data().root());
            assertEquals(prodet.data().augmentation(), c.data().augmentation());
        }
    }

    @Test
    void anAugmentationOutOfRangeIsRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ConfigLoader.load(
                        EXPERIMENTS.resolve("prodet-compact-cpu.yaml"), List.of("data.augmentation.flip=1.5")));
        assertTrue(e.getMessage().contains("probabilities in [0, 1]"), e.getMessage());
        assertTrue(e.getMessage().contains("prodet-compact-cpu.yaml"), e.getMessage());
    }

    @Test
    void unknownKeyIsNamedWithTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(
                f,
                Files.readString(EXPERIMENTS.resolve("prodet-compact-cpu.yaml"))
                        .replace("  tuplesPerBatch: 8", "  tuplesPerBach: 8"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, List.of()));
        assertTrue(e.getMessage().contains("unknown key 'data.tuplesPerBach' in " + f), e.getMessage());
    }

    @Test
    void pretrainedIsOptionalRelativeAndSettable() {
        Path f = EXPERIMENTS.resolve("prodet-compact-cpu.yaml");
        assertEquals(null, ConfigLoader.load(f, List.of()).model().pretrained());
        assertEquals(
                "weights/b4.safetensors",
                ConfigLoader.load(f, List.of("model.pretrained=weights/b4.safetensors"))
                        .model()
                        .pretrained());
        assertEquals(
                null,
                ConfigLoader.load(f, List.of("model.pretrained=null")).model().pretrained());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ConfigLoader.load(f, List.of("model.pretrained=/tmp/b4.safetensors")));
        assertTrue(e.getMessage().contains("model.pretrained must be relative"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> ConfigLoader.load(f, List.of("model.pretrianed=x.safetensors")));
        assertTrue(e.getMessage().contains("did you mean 'pretrained'"), e.getMessage());
    }

    @Test
    void replicasDefaultToOneAndMustSplitTheBatch() {
        Path f = EXPERIMENTS.resolve("prodet-compact-cpu.yaml");
        assertEquals(1, ConfigLoader.load(f, List.of()).run().replicaCount());
        assertEquals(2, ConfigLoader.load(f, List.of("run.replicas=2")).run().replicaCount());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, List.of("run.replicas=3")));
        assertTrue(
                e.getMessage().contains("data.tuplesPerBatch (8) must be a multiple of run.replicas (3)"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, List.of("run.replicas=0")));
        assertTrue(e.getMessage().contains("run.replicas"), e.getMessage());
    }

    @Test
    void overridesAreAppliedAndChecked() {
        Path f = EXPERIMENTS.resolve("prodet-compact-cpu.yaml");
        ExperimentConfig c = ConfigLoader.load(f, List.of("run.steps=7", "data.anchors=[REAL, SBI, CBI]"));
        assertEquals(7, c.run().steps());
        assertEquals(
                List.of(AnchorKind.REAL, AnchorKind.SBI, AnchorKind.CBI),
                c.data().anchors());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, List.of("run.stepz=7")));
        assertTrue(e.getMessage().contains("unknown key 'run.stepz'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, List.of("run.steps=-1")));
        assertTrue(e.getMessage().contains("run.steps must be > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f, List.of("data.root=/etc/passwd")));
        assertTrue(e.getMessage().contains("data.root must be relative"), e.getMessage());
    }
}
