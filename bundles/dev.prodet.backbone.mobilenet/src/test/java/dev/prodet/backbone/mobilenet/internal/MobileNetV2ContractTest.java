package dev.prodet.backbone.mobilenet.internal;

import dev.prodet.api.testing.BackboneContract;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The backbone contract for the component of this bundle. */
class MobileNetV2ContractTest {
    @TestFactory
    Stream<DynamicNode> contract() {
        return BackboneContract.forEveryBackbone(List.of(MobileNetV2Backbone.NAME));
    }
}
