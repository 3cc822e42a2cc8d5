package dev.prodet.train.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prodet.api.home.ProdetHome;
import dev.prodet.api.io.Sha256;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.ParameterSpec;
import dev.prodet.api.testing.BackboneContract;
import dev.prodet.backbone.mobilenet.internal.MobileNetV2Backbone;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's start: the fetched nsfwjs MobileNetV2 (TensorFlow.js, uint8) converts to safetensors and fills every
 * backbone parameter of {@code mobilenetv2} by Keras name, with the right shapes; its classifier is left out. The
 * converted file is byte for byte the one {@code scripts/converted.sha256} pins.
 */
class PretrainedMobileNetTest {
    @Test
    void fetchedWeightsFillEveryBackboneParameter(@TempDir Path home) throws Exception {
        Path model = ProdetHome.assets().dir().resolve("weights/nsfwjs-4.4.0/mobilenet_v2/model.min.js");
        assumeTrue(
                Files.isRegularFile(model),
                () -> model + " not fetched; run 'bash scripts/fetch-assets.sh' in the checkout to run this test");
        String report = WeightsCommands.importTfjs(model, home.resolve("mobilenetv2.safetensors"));
        assertTrue(report.startsWith("wrote 266 tensors"), report); // 260 backbone + 3 dense layers × 2
        // the demo checks its converted file against this pin (scripts/demo.sh)
        String pinned = Files.readString(Path.of("../../scripts/converted.sha256"))
                .lines()
                .filter(l -> l.endsWith("  weights/mobilenetv2-imagenet-nsfwjs.safetensors"))
                .findFirst()
                .orElseThrow()
                .substring(0, 64);
        assertEquals(pinned, Sha256.of(home.resolve("mobilenetv2.safetensors")), "the conversion is deterministic");

        MobileNetV2Backbone mobilenet = new MobileNetV2Backbone();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<String, float[]> start = PretrainedStart.values(
                "mobilenetv2.safetensors", mobilenet, 128, home, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("260 tensors"), log::toString);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("keras layout"), log::toString);
        Network net = BackboneContract.build(mobilenet, 128);
        assertEquals(net.parameters().size(), start.size());
        for (ParameterSpec p : net.parameters()) {
            assertEquals(p.size(), start.get(p.name()).length, p.name());
        }
        for (float v : start.get("backbone.bn_Conv1.runningVar")) {
            // Keras's ImageNet MobileNetV2 has dead stem channels whose variance quantises to exactly 0 (ε keeps
            // batch norm finite); a negative one would mean a wrong offset or layout
            assertTrue(v >= 0, "a variance is not negative");
        }
    }
}
