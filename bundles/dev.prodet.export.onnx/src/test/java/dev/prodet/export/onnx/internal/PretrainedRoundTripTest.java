package dev.prodet.export.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.nn.Blocks;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.Padding;
import dev.prodet.api.nn.ParameterInit;
import dev.prodet.api.nn.PretrainedWeights;
import dev.prodet.backbone.efficientnet.internal.EfficientNetBackbone;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pretrained weights end to end: a safetensors file written by an independent writer (numpy, by hand) for a small
 * EfficientNet built by efficientnet-pytorch itself is loaded through the EfficientNet backbone's weight names,
 * lowered to ONNX and to DJL, and both must reproduce the outputs PyTorch eager recorded for those weights
 * ({@code src/test/resources/pretrained/tiny_efficientnet.py} made both files). The file stores some batch norms as
 * F16 and BF16 and carries the classifier and {@code num_batches_tracked}, which the layout declares unused.
 */
class PretrainedRoundTripTest {
    private static final double TOLERANCE = 1e-4;
    private static final Path DIR = Path.of("src/test/resources/pretrained");

    /** The same blocks efficientnet-pytorch built for the fixture (width 0.25, 32 px), named as our EfficientNet. */
    static Network tinyEfficientNet() {
        Blocks.Norm norm = Blocks.Norm.EFFICIENTNET;
        NetworkBuilder b = new NetworkBuilder("tiny-efficientnet");
        String x = b.input("image", 3, 32, 32);
        b.scope("backbone");
        x = b.conv("stem", x, 8, 3, 2, Padding.staticSame(32, 3, 2, 1), 1, false);
        x = b.batchNorm("stem_bn", x, norm.epsilon(), norm.momentum());
        x = b.silu("stem_act", x);
        x = Blocks.mbConv(b, "blocks.0", x, new Blocks.MbConv(8, 16, 3, 1, 1, 0.25, 0, 16), norm);
        x = Blocks.mbConv(b, "blocks.1", x, new Blocks.MbConv(16, 16, 5, 2, 6, 0.25, 0, 16), norm);
        x = Blocks.mbConv(b, "blocks.2", x, new Blocks.MbConv(16, 16, 5, 1, 6, 0.25, 0.1, 8), norm);
        x = b.conv("head_conv", x, 320, 1, 1, Padding.NONE, 1, false);
        x = b.batchNorm("head_bn", x, norm.epsilon(), norm.momentum());
        x = b.silu("head_act", x);
        b.end();
        b.output("features", x);
        return b.build();
    }

    @Test
    void loadedWeightsGiveTheOutputsPyTorchRecordedInOnnxRuntimeAndDjl() throws Exception {
        Network net = tinyEfficientNet();
        PretrainedWeights.Loaded loaded = PretrainedWeights.load(
                DIR.resolve("tiny-efficientnet.safetensors"), net, new EfficientNetBackbone.B0().weightNames());
        assertEquals("efficientnet-pytorch", loaded.layout());
        assertEquals(net.parameters().size(), loaded.values().size(), "every parameter comes from the file");
        Map<String, float[]> values = new LinkedHashMap<>(ParameterInit.values(net, 1));
        values.putAll(loaded.values());
        JsonNode expected = new ObjectMapper()
                .readTree(DIR.resolve("tiny-efficientnet.json").toFile());
        float[] image = image();
        long[] shape = {2, 3, 32, 32};
        try (OrtReference ort = new OrtReference(OnnxLowering.lower(net, values, "test", Map.of()))) {
            compare("ONNX Runtime", ort.infer(image, shape).get("features"), expected);
        }
        try (DjlReference djl = new DjlReference(net, values, 1)) {
            compare("DJL", djl.infer(image, new Shape(shape)).get("features"), expected);
        }
    }

    /** The fixture's input: sin(0.37n + 0.11c + 0.05h − 0.07w + 0.013hw) in float64, stored as float32. */
    static float[] image() {
        float[] x = new float[2 * 3 * 32 * 32];
        int i = 0;
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                for (int h = 0; h < 32; h++) {
                    for (int w = 0; w < 32; w++) {
                        x[i++] = (float) Math.sin(0.37 * n + 0.11 * c + 0.05 * h - 0.07 * w + 0.013 * h * w);
                    }
                }
            }
        }
        return x;
    }

    private static void compare(String engine, float[] features, JsonNode expected) {
        assertEquals(2 * 320 * 8 * 8, features.length, engine + ": feature size");
        double worst = 0;
        JsonNode means = expected.get("channelMeans");
        for (int k = 0; k < 2 * 320; k++) {
            double sum = 0;
            for (int p = 0; p < 64; p++) {
                sum += features[k * 64 + p];
            }
            worst = Math.max(worst, Math.abs(sum / 64 - means.get(k).asDouble()));
        }
        JsonNode first = expected.get("image0FirstChannels");
        for (int i = 0; i < first.size(); i++) {
            worst = Math.max(worst, Math.abs(features[i] - first.get(i).asDouble()));
        }
        System.out.printf("pretrained round trip, %s: max |ours - PyTorch| = %.3g%n", engine, worst);
        assertTrue(worst <= TOLERANCE, engine + " differs from PyTorch's recorded outputs by " + worst);
    }
}
