package dev.prodet.cli.internal;

import java.util.List;
import java.util.Map;

/** Renders plugins as a fixed-width table, one section per kind, with the consumers that hold each kind. */
final class PluginTable {
    private PluginTable() {}

    static String render(List<PluginInfo> plugins, Map<String, List<String>> boundNamesByKind) {
        if (plugins.isEmpty()) {
            return "no plugins registered";
        }
        StringBuilder sb = new StringBuilder();
        String kind = null;
        for (PluginInfo p : plugins) {
            if (!p.kind().equals(kind)) {
                kind = p.kind();
                if (sb.length() > 0) {
                    sb.append(System.lineSeparator());
                }
                sb.append(kind).append(System.lineSeparator());
                sb.append(String.format(
                        "  %-2s %-20s %-10s %7s  %-48s %s%n",
                        "", "NAME", "VERSION", "RANKING", "BUNDLE", "DESCRIPTION"));
            }
            boolean inUse = boundNamesByKind.getOrDefault(kind, List.of()).contains(p.name());
            sb.append(String.format(
                    "  %-2s %-20s %-10s %7d  %-48s %s%n",
                    inUse ? "*" : "", p.name(), p.version(), p.ranking(), p.bundle(), p.description()));
        }
        if (!boundNamesByKind.isEmpty()) {
            sb.append(System.lineSeparator()).append("* = in use by a consumer");
        }
        return sb.toString().stripTrailing();
    }
}
