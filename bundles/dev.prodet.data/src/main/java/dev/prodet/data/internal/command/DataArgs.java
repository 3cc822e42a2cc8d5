package dev.prodet.data.internal.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of {@code prodet:data}, checked against the options a subcommand accepts. */
final class DataArgs {

    private final Map<String, String> values = new HashMap<>();

    DataArgs(List<String> args, Set<String> allowed, String usage) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || !allowed.contains(a.substring(2))) {
                throw new IllegalArgumentException("unknown option '" + a + "'; usage: " + usage);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("option " + a + " needs a value; usage: " + usage);
            }
            values.put(a.substring(2), args.get(++i));
        }
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String require(String name, String usage) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("option --" + name + " is required; usage: " + usage);
        }
        return v;
    }

    int intValue(String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + " must be a whole number >= 1, got '" + v + "'");
        }
    }
}
