package dev.prodet.api.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads published weights (a safetensors file) into a network description, so the same values reach the DJL
 * training network and the ONNX export. The file must fit one of the backbone's {@link WeightNames} layouts
 * exactly: every parameter in the layout's scope is found with its shape and a floating-point dtype, and the file
 * holds nothing else but the tensors the layout declares unused. Anything else is an error naming the tensors, the
 * layout and the file; nothing is loaded partially.
 */
public final class PretrainedWeights {
    private static final int LISTED = 6;

    private PretrainedWeights() {}

    /**
     * What was loaded.
     *
     * @param file the weights file
     * @param layout the layout the file follows
     * @param values parameter name → values, for every parameter in scope except the re-initialised ones
     * @param reinitialised parameters checked against the file but left at their initial values
     */
    public record Loaded(Path file, String layout, Map<String, float[]> values, Set<String> reinitialised) {
        public Loaded {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            reinitialised = Set.copyOf(reinitialised);
        }
    }

    /** How well a file fits one layout. */
    private record Fit(
            WeightNames names,
            Map<String, String> sources,
            List<String> missing,
            List<String> misShaped,
            List<String> notFloat,
            List<String> extra) {
        boolean ok() {
            return missing.isEmpty() && misShaped.isEmpty() && notFloat.isEmpty() && extra.isEmpty();
        }
    }

    /**
     * Loads {@code file} into the parameters of {@code network} under the first of {@code layouts} it fits.
     *
     * @throws IOException when the file cannot be read or is not a valid safetensors file
     * @throws IllegalArgumentException when it fits none of the layouts; the message names the closest layout and
     *     its missing, extra or mis-shaped tensors
     */
    public static Loaded load(Path file, Network network, List<WeightNames> layouts) throws IOException {
        if (layouts.isEmpty()) {
            throw new IllegalArgumentException("network " + network.name()
                    + ": its backbone offers no pretrained weight layout, so " + file + " cannot be loaded");
        }
        try (Safetensors st = Safetensors.open(file)) {
            Fit best = null;
            for (WeightNames names : layouts) {
                Fit f = fit(st.entries(), network, names);
                if (f.ok()) {
                    return read(st, network, f);
                }
                if (best == null || f.missing().size() < best.missing().size()) {
                    best = f;
                }
            }
            throw new IllegalArgumentException(describe(file, network, best, layouts));
        }
    }

    /**
     * Checks a file's tensor listing (names, shapes, dtypes, as {@link Safetensors#entries()} gives) against one
     * layout without reading any values.
     *
     * @return empty when the tensors fit, otherwise the problems as {@link #load} reports them
     */
    public static java.util.Optional<String> mismatch(
            Map<String, Safetensors.Entry> tensors, Network network, WeightNames names) {
        Fit f = fit(tensors, network, names);
        return f.ok()
                ? java.util.Optional.empty()
                : java.util.Optional.of(describe(Path.of("(listing)"), network, f, List.of(names)));
    }

    private static Fit fit(Map<String, Safetensors.Entry> tensors, Network network, WeightNames names) {
        Map<String, String> sources = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> misShaped = new ArrayList<>();
        List<String> notFloat = new ArrayList<>();
        for (ParameterSpec p : network.parameters()) {
            if (!p.name().startsWith(names.scope())) {
                continue;
            }
            String source = names.sourceName().apply(p.name());
            sources.put(p.name(), source);
            Safetensors.Entry e = tensors.get(source);
            if (e == null) {
                missing.add(source + " " + Arrays.toString(p.shape()) + " (for " + p.name() + ")");
            } else if (!Arrays.equals(e.shape(), p.shape())) {
                misShaped.add(source + " is " + Arrays.toString(e.shape()) + " in the file, " + p.name() + " needs "
                        + Arrays.toString(p.shape()));
            } else if (!e.isFloat()) {
                notFloat.add(source + " has dtype " + e.dtype() + " (weights must be F32, F16, BF16 or F64)");
            }
        }
        Set<String> named = new HashSet<>(sources.values());
        List<String> extra = new ArrayList<>();
        for (Map.Entry<String, Safetensors.Entry> t : tensors.entrySet()) {
            if (!named.contains(t.getKey()) && !names.unused().test(t.getKey())) {
                extra.add(t.getKey() + " " + Arrays.toString(t.getValue().shape()));
            }
        }
        return new Fit(names, sources, missing, misShaped, notFloat, extra);
    }

    private static Loaded read(Safetensors st, Network network, Fit f) throws IOException {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : f.sources().entrySet()) {
            if (!f.names().reinitialised().contains(e.getKey())) {
                values.put(e.getKey(), st.floats(e.getValue()));
            }
        }
        Set<String> reinit = new HashSet<>(f.names().reinitialised());
        reinit.retainAll(f.sources().keySet());
        return new Loaded(st.file(), f.names().layout(), values, reinit);
    }

    private static String describe(Path file, Network network, Fit f, List<WeightNames> layouts) {
        StringBuilder s = new StringBuilder("pretrained weights " + file + " do not fit " + network.name());
        s.append(" under layout ").append(f.names().layout());
        if (layouts.size() > 1) {
            s.append(" (the closest of ")
                    .append(layouts.stream().map(WeightNames::layout).toList())
                    .append(")");
        }
        list(s, "missing", f.missing());
        list(s, "mis-shaped", f.misShaped());
        list(s, "not floating point", f.notFloat());
        list(s, "extra (not used by the layout)", f.extra());
        return s.toString();
    }

    private static void list(StringBuilder s, String what, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        s.append("; ")
                .append(what)
                .append(" (")
                .append(items.size())
                .append(items.size() == 1 ? " tensor" : " tensors");
        s.append("): ").append(String.join(", ", items.subList(0, Math.min(LISTED, items.size()))));
        if (items.size() > LISTED) {
            s.append(", and ").append(items.size() - LISTED).append(" more");
        }
    }
}
