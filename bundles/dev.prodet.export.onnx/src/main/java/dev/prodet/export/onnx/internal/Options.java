package dev.prodet.export.onnx.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --key value} command options; an unknown option or a missing value is an error showing the usage. */
final class Options {
    private Options() {}

    static Map<String, String> parse(String[] args, String usage, String... known) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> allowed = List.of(known);
        for (int i = 0; i < args.length; i++) {
            if (!allowed.contains(args[i])) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "'; " + usage);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value; " + usage);
            }
            out.put(args[i], args[++i]);
        }
        return out;
    }
}
