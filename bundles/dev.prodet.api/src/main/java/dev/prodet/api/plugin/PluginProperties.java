package dev.prodet.api.plugin;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the service properties every plugin carries: {@code prodet.<kind>.name}, {@code prodet.<kind>.version}
 * and {@code prodet.<kind>.description}, plus the standard {@code service.ranking}.
 *
 * <p>A consumer selects a plugin by a target filter on the name property, see {@link #targetFilter(String, String)};
 * the reference that holds a plugin of kind {@code k} is named {@code k}, so its target is configured by the
 * component property {@code k.target}.
 */
public final class PluginProperties {

    /** Prefix of every plugin property. */
    public static final String PREFIX = "prodet.";

    private static final Pattern NAME_KEY = Pattern.compile("prodet\\.([a-z][a-z0-9]*)\\.name");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9]*");

    private PluginProperties() {}

    /** {@code prodet.<kind>.name}. */
    public static String nameKey(String kind) {
        return PREFIX + checkKind(kind) + ".name";
    }

    /** {@code prodet.<kind>.version}. */
    public static String versionKey(String kind) {
        return PREFIX + checkKind(kind) + ".version";
    }

    /** {@code prodet.<kind>.description}. */
    public static String descriptionKey(String kind) {
        return PREFIX + checkKind(kind) + ".description";
    }

    /** The component property that holds the target filter of the reference named {@code kind}. */
    public static String targetKey(String kind) {
        return checkKind(kind) + ".target";
    }

    /** LDAP filter selecting the plugin of the given kind and name, e.g. {@code (prodet.regularizer.name=opr-tb)}. */
    public static String targetFilter(String kind, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("plugin name must not be empty");
        }
        return "(" + nameKey(kind) + "=" + escapeFilterValue(name) + ")";
    }

    /**
     * The kind named by a property key of the form {@code prodet.<kind>.name}, or {@code null} when the key is not a
     * plugin name key.
     */
    public static String kindOfNameKey(String key) {
        Matcher m = NAME_KEY.matcher(key);
        return m.matches() ? m.group(1) : null;
    }

    /** Checks that a kind is a lower-case word, as used in property keys and reference names. */
    public static String checkKind(String kind) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException(
                    "plugin kind must be a lower-case word such as 'generator' or 'regularizer', got: " + kind);
        }
        return kind.toLowerCase(Locale.ROOT);
    }

    private static String escapeFilterValue(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
