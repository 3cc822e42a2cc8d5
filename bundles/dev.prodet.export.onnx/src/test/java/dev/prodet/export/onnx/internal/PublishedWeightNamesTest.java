package dev.prodet.export.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.nn.Backbone;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkBuilder;
import dev.prodet.api.nn.PretrainedWeights;
import dev.prodet.api.nn.Safetensors;
import dev.prodet.api.nn.WeightNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every backbone's weight name maps cover the published state dicts exactly: each parameter of the description
 * finds its tensor with the same shape, and every other tensor is one the map declares unused. The listings
 * ({@code src/test/resources/pretrained/*.json}) were written by efficientnet-pytorch, timm and torchvision
 * themselves ({@code state_dict_names.py}).
 */
class PublishedWeightNamesTest {
    private static final Path DIR = Path.of("src/test/resources/pretrained");

    @ParameterizedTest(name = "{0} loads {2}")
    @CsvSource({
        "efficientnet-b4, efficientnet-pytorch, efficientnet-pytorch-b4",
        "efficientnet-b4, timm, timm-efficientnet_b4",
        "efficientnet-b4, timm, timm-tf_efficientnet_b4",
        "efficientnet-b0, efficientnet-pytorch, efficientnet-pytorch-b0",
        "efficientnet-b0, timm, timm-efficientnet_b0",
        "efficientnet-b0, timm, timm-tf_efficientnet_b0",
        "resnet18, torchvision, torchvision-resnet18",
        "resnet34, torchvision, torchvision-resnet34"
    })
    void mapCoversThePublishedStateDict(String backbone, String layout, String listing) throws IOException {
        Backbone bb = Networks.backbone(backbone);
        Network net = backboneOnly(bb, 256);
        WeightNames names = bb.weightNames().stream()
                .filter(w -> w.layout().equals(layout))
                .findFirst()
                .orElseThrow();
        Map<String, Safetensors.Entry> published = listing(listing);
        Optional<String> problems = PretrainedWeights.mismatch(published, net, names);
        assertTrue(problems.isEmpty(), listing + ": " + problems.orElse(""));
        long used = net.parameters().size();
        assertTrue(published.size() >= used, "the file has at least one tensor per parameter");
    }

    /** DeepfakeBench replaces B4's stem after loading (docs/method.md §1); B0 keeps the published one. */
    @ParameterizedTest
    @CsvSource({"efficientnet-b4, true", "efficientnet-b0, false"})
    void onlyTheReinitialisedStemIsLeftOut(String backbone, boolean reinit) {
        for (WeightNames w : Networks.backbone(backbone).weightNames()) {
            assertEquals(reinit ? Set.of("backbone.stem.weight") : Set.of(), w.reinitialised(), w.layout());
        }
    }

    static Network backboneOnly(Backbone bb, int size) {
        NetworkBuilder b = new NetworkBuilder(bb.spec(size).name());
        b.output("features", bb.build(b, b.input("image", 3, size, size), size));
        return b.build();
    }

    /** A listing as header entries (no data: offsets are placeholders). */
    static Map<String, Safetensors.Entry> listing(String name) throws IOException {
        JsonNode root = new ObjectMapper().readTree(DIR.resolve(name + ".json").toFile());
        Map<String, Safetensors.Entry> out = new LinkedHashMap<>();
        for (JsonNode t : root.get("tensors")) {
            long[] shape = new long[t.get(1).size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = t.get(1).get(i).asLong();
            }
            String dtype = t.get(2).asText().equals("float32") ? "F32" : "I64";
            out.put(t.get(0).asText(), new Safetensors.Entry(t.get(0).asText(), dtype, shape, 0, 0));
        }
        return out;
    }
}
