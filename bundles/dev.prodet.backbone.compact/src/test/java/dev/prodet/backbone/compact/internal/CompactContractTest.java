package dev.prodet.backbone.compact.internal;

import dev.prodet.api.testing.BackboneContract;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The backbone contract for every backbone component of this bundle. */
class CompactContractTest {
    @TestFactory
    Stream<DynamicNode> contract() {
        return BackboneContract.forEveryBackbone(List.of("compact"));
    }
}
