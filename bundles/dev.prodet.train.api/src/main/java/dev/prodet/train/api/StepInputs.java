package dev.prodet.train.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.prodet.api.forgery.AnchorKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * What a {@link RegularizerStrategy} gets for one training step.
 *
 * <p>The batch holds {@code tuples} aligned tuples laid out in blocks, one per anchor in {@code layout} order:
 * rows {@code [0, N)} are {@code layout.get(0)}, rows {@code [N, 2N)} {@code layout.get(1)}, and so on; row
 * {@code i} of every block comes from the same source frame (docs/method.md §2.2).
 *
 * @param features backbone outputs for the whole batch, first dimension {@code layout.size() * tuples} (ProDet: one
 *     array {@code f = P(E(x))}, {@code 4N×512×8×8})
 * @param labels anchor codes per row ({@link AnchorKind#code()}), shape {@code (layout.size() * tuples)}
 * @param layout anchor of each block, in batch order
 * @param tuples number of tuples {@code N}, &gt; 0
 * @param heads runs the strategy's head blocks
 * @param manager the step's manager; arrays made from it are freed after the step
 * @param rng the step's random source
 * @param step index of this optimizer step, &ge; 0
 */
public record StepInputs(
        NDList features,
        NDArray labels,
        List<AnchorKind> layout,
        int tuples,
        HeadRunner heads,
        NDManager manager,
        RandomGenerator rng,
        long step) {

    /** Validates the fields; array shapes are checked against the layout (reading a shape costs no computation). */
    public StepInputs {
        require(features, "features");
        require(labels, "labels");
        require(layout, "layout");
        require(heads, "heads");
        require(manager, "manager");
        require(rng, "rng");
        if (features.isEmpty()) {
            throw new IllegalArgumentException("StepInputs.features must hold at least one array");
        }
        layout = List.copyOf(layout);
        if (layout.isEmpty()) {
            throw new IllegalArgumentException("StepInputs.layout must not be empty");
        }
        Set<AnchorKind> seen = EnumSet.noneOf(AnchorKind.class);
        for (AnchorKind k : layout) {
            if (!seen.add(k)) {
                throw new IllegalArgumentException("StepInputs.layout must not repeat an anchor, got: " + layout);
            }
        }
        if (tuples <= 0) {
            throw new IllegalArgumentException("StepInputs.tuples must be > 0, got: " + tuples);
        }
        if (step < 0) {
            throw new IllegalArgumentException("StepInputs.step must be >= 0, got: " + step);
        }
        long rows = (long) layout.size() * tuples;
        checkRows("labels", labels, rows, layout, tuples);
        for (int i = 0; i < features.size(); i++) {
            checkRows("features[" + i + "]", features.get(i), rows, layout, tuples);
        }
    }

    /** Number of rows in the batch, {@code layout.size() * tuples}. */
    public int rows() {
        return layout.size() * tuples;
    }

    /** First row of the block of the given anchor. */
    public int offset(AnchorKind anchor) {
        int block = layout.indexOf(anchor);
        if (block < 0) {
            throw new IllegalArgumentException("anchor " + anchor + " is not in this batch; layout: " + layout);
        }
        return block * tuples;
    }

    private static void checkRows(String field, NDArray a, long rows, List<AnchorKind> layout, int tuples) {
        if (a == null) {
            throw new IllegalArgumentException("StepInputs." + field + " must not be null");
        }
        if (a.getShape().dimension() == 0 || a.getShape().get(0) != rows) {
            throw new IllegalArgumentException("StepInputs." + field + " must have " + layout.size() + " anchors x "
                    + tuples + " tuples = " + rows + " rows, got shape " + a.getShape());
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("StepInputs." + field + " must not be null");
        }
    }
}
