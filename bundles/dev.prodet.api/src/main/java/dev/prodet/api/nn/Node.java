package dev.prodet.api.nn;

import java.util.List;

/**
 * One application of an operation. The node's name is also the name of its output tensor and the prefix of its
 * parameters; names are hierarchical with dots ({@code blocks.3.dw.conv}).
 *
 * @param name unique name of the node and of its output
 * @param op the operation
 * @param inputs names of the graph inputs or nodes it reads, in order
 * @param shape inferred output shape, batch dimension {@link TensorShape#DYNAMIC}
 * @param trainingOnly whether the node exists only in training (transition blocks, noise); the ONNX export leaves
 *     it out, and so does inference in DJL
 */
public record Node(String name, Op op, List<String> inputs, TensorShape shape, boolean trainingOnly) {
    public Node {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Node.name must not be empty");
        }
        Checks.notNull("Node " + name, "op", op);
        Checks.notNull("Node " + name, "shape", shape);
        inputs = List.copyOf(inputs);
        if (op.arity() >= 0 ? inputs.size() != op.arity() : inputs.size() < 2) {
            throw new IllegalArgumentException(
                    "Node " + name + ": " + op.getClass().getSimpleName() + " takes "
                            + (op.arity() >= 0 ? op.arity() : "2 or more") + " inputs, got " + inputs);
        }
    }
}
