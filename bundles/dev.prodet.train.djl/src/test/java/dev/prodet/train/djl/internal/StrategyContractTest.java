package dev.prodet.train.djl.internal;

import dev.prodet.train.djl.testing.RegularizerStrategyContract;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The strategy contract for every regularizer component on this module's test class path (the strategies of
 * dev.prodet.regularizer.opr, which cannot run it itself: the trainer's tests depend on it).
 */
class StrategyContractTest {
    @TestFactory
    Stream<DynamicNode> contract() {
        return RegularizerStrategyContract.forEveryStrategy(
                List.of("opr-tb", "opr-tb-r2d2b", "opr-tb-surround", "opr-mc", "opr-ml", "vht"));
    }
}
