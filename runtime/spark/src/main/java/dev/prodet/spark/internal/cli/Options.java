package dev.prodet.spark.internal.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options of one job, checked against the names it accepts; {@code --conf key=value} may
 * repeat and is kept apart (Spark settings).
 */
public final class Options {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> conf = new ArrayList<>();
    private final String usage;

    /**
     * @param flags options that take no value (e.g. {@code overwrite})
     * @throws IllegalArgumentException naming the unknown option or the one without a value
     */
    public Options(List<String> args, Set<String> allowed, Set<String> flags, String usage) {
        this.usage = usage;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.startsWith("--") ? a.substring(2) : "";
            if (flags.contains(name)) {
                values.put(name, "true");
                continue;
            }
            if (!allowed.contains(name) && !name.equals("conf")) {
                throw new IllegalArgumentException("unknown option '" + a + "'; usage: " + usage);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("option " + a + " needs a value; usage: " + usage);
            }
            String v = args.get(++i);
            if (name.equals("conf")) {
                if (v.indexOf('=') < 1) {
                    throw new IllegalArgumentException("--conf needs key=value, got '" + v + "'");
                }
                conf.add(v);
            } else {
                values.put(name, v);
            }
        }
    }

    /** The value, or {@code fallback}. */
    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The value, or {@code null}. */
    public String get(String name) {
        return values.get(name);
    }

    /** Whether a flag was given. */
    public boolean flag(String name) {
        return values.containsKey(name);
    }

    /** The value of a required option. */
    public String require(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("option --" + name + " is required; usage: " + usage);
        }
        return v;
    }

    /** A whole number &ge; 1, or {@code fallback}. */
    public int positive(String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option --" + name + " must be a whole number >= 1, got '" + v + "'");
    }

    /** The {@code --conf key=value} settings in order. */
    public List<String> conf() {
        return List.copyOf(conf);
    }
}
