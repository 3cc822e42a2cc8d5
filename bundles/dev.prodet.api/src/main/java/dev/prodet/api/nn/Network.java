package dev.prodet.api.nn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network description: named graph inputs, nodes in topological order, and named outputs. Immutable; build one
 * with {@link NetworkBuilder} and (de)serialise it with {@link NetworkJson}.
 *
 * @param name a display name, e.g. {@code compact+prodet}
 * @param inputs graph inputs and their shapes (batch dimension dynamic)
 * @param nodes every node, each after the nodes it reads
 * @param outputs named outputs: output name → node name (e.g. {@code p_fake → head.pfake})
 */
public record Network(String name, Map<String, TensorShape> inputs, List<Node> nodes, Map<String, String> outputs) {

    public Network {
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        nodes = List.copyOf(nodes);
        outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        Set<String> known = new HashSet<>(inputs.keySet());
        for (Node n : nodes) {
            for (String in : n.inputs()) {
                if (!known.contains(in)) {
                    throw new IllegalArgumentException("network " + name + ": node " + n.name() + " reads '" + in
                            + "', which is neither a graph input nor an earlier node");
                }
            }
            if (!known.add(n.name())) {
                throw new IllegalArgumentException("network " + name + ": duplicate name " + n.name());
            }
        }
        for (Map.Entry<String, String> o : outputs.entrySet()) {
            if (!known.contains(o.getValue())) {
                throw new IllegalArgumentException(
                        "network " + name + ": output " + o.getKey() + " names unknown node " + o.getValue());
            }
        }
    }

    /** The node of that name. */
    public Node node(String nodeName) {
        for (Node n : nodes) {
            if (n.name().equals(nodeName)) {
                return n;
            }
        }
        throw new IllegalArgumentException("network " + name + " has no node " + nodeName);
    }

    /** Shape of a graph input or node output. */
    public TensorShape shapeOf(String tensor) {
        TensorShape s = inputs.get(tensor);
        return s != null ? s : node(tensor).shape();
    }

    /** Every parameter, in node order. */
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> out = new ArrayList<>();
        for (Node n : nodes) {
            out.addAll(ParameterSpec.of(n));
        }
        return out;
    }

    /** Total number of parameter scalars (running statistics included). */
    public long parameterCount() {
        long total = 0;
        for (ParameterSpec p : parameters()) {
            total += p.size();
        }
        return total;
    }

    /**
     * The nodes needed to compute {@code wanted} from {@code given} tensors, in topological order. With
     * {@code inference} set, a training-only node on the path is an error (inference must not need one).
     */
    public List<Node> plan(Set<String> given, List<String> wanted, boolean inference) {
        Set<String> needed = new HashSet<>(wanted);
        List<Node> reversed = new ArrayList<>();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (needed.contains(n.name()) && !given.contains(n.name())) {
                if (inference && n.trainingOnly()) {
                    throw new IllegalArgumentException("network " + name + ": " + wanted + " needs training-only node "
                            + n.name() + " in inference");
                }
                reversed.add(n);
                needed.addAll(n.inputs());
            }
        }
        for (String w : needed) {
            boolean produced = given.contains(w)
                    || reversed.stream().anyMatch(n -> n.name().equals(w));
            if (!produced) {
                throw new IllegalArgumentException(
                        "network " + name + ": cannot compute " + wanted + " without input " + w);
            }
        }
        List<Node> order = new ArrayList<>(reversed);
        java.util.Collections.reverse(order);
        return order;
    }
}
