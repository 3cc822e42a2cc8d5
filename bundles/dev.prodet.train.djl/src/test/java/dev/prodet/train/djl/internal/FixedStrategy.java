package dev.prodet.train.djl.internal;

import dev.prodet.train.api.RegularizerStrategy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** One strategy for the whole run, for tests of the runner outside a framework. */
record FixedStrategy(RegularizerStrategy strategy) implements RunStrategy {
    @Override
    public RegularizerStrategy get() {
        return strategy;
    }

    @Override
    public String wanted() {
        return strategy.name();
    }

    @Override
    public CompletionStage<Long> request(String name) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("a fixed strategy"));
    }

    @Override
    public void applied(RegularizerStrategy s, long step) {}

    @Override
    public void close() {}
}
