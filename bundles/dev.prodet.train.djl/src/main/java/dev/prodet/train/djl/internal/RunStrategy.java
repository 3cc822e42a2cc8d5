package dev.prodet.train.djl.internal;

import dev.prodet.train.api.RegularizerStrategy;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Where a run gets its regularizer strategy at each step boundary, and how a swap addressed to it is asked for and
 * confirmed. {@link RunRegularizer} is the one backed by the service registry.
 */
interface RunStrategy extends Supplier<RegularizerStrategy>, AutoCloseable {

    /** The strategy to use from the next step on, or {@code null} while the wanted one is not available. */
    @Override
    RegularizerStrategy get();

    /** Name of the strategy the run is asked to use. */
    String wanted();

    /** Asks for the strategy {@code name}; completes with the first step that uses it. */
    CompletionStage<Long> request(String name);

    /** Called by the runner once {@code strategy} is in use from {@code step} on. */
    void applied(RegularizerStrategy strategy, long step);

    /** Releases what the run held; a request not yet applied fails. */
    @Override
    void close();
}
