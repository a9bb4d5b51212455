package dev.nps.spi;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of one plug-in: a prefix and one {@link #get(String)} lookup, so that properties, the
 * environment, Spring or a Map can back it. Typed getters are defaults over {@code get}; a value that
 * does not parse is an error naming the full key.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface PluginConfig {

    /**
     * @param key full key, e.g. {@code nps.store.jdbc.url}
     * @return the raw value, or null when unset
     */
    String get(String key);

    /** @return the prefix of this plug-in's keys, e.g. {@code nps.store.jdbc}; empty for none */
    default String prefix() {
        return "";
    }

    /** @return the full key for a plug-in-local name */
    default String key(String name) {
        return prefix().isEmpty() ? name : prefix() + "." + name;
    }

    default Optional<String> string(String name) {
        String v = get(key(name));
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    default String string(String name, String defaultValue) {
        return string(name).orElse(defaultValue);
    }

    default int integer(String name, int defaultValue) {
        Optional<String> v = string(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw new NpsException(ErrorCode.CONFIGURATION, key(name) + ": not an integer; set a whole number such as " + defaultValue);
        }
    }

    default boolean bool(String name, boolean defaultValue) {
        Optional<String> v = string(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        return switch (v.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new NpsException(ErrorCode.CONFIGURATION, key(name) + ": not a boolean; use true or false");
        };
    }

    /** A decimal number, such as a threshold ({@code 0.4}); NaN and infinities are refused. */
    default double decimal(String name, double defaultValue) {
        Optional<String> v = string(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            double d = Double.parseDouble(v.get().strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new NpsException(ErrorCode.CONFIGURATION, key(name) + ": not a number; set a decimal such as " + defaultValue);
    }

    /**
     * Named lists, such as user themes: {@code name} lists the names, comma-separated, in order, and
     * {@code name.<each>} the entries of each, comma-separated ({@code themes=Billing,Delivery},
     * {@code themes.Billing=invoice, charged twice}). Entries are stripped; blank ones are dropped.
     *
     * @return name to entries, in the order {@code name} gives; empty when {@code name} is unset
     * @throws NpsException {@code CONFIGURATION} naming every listed name whose entries are missing
     */
    default Map<String, java.util.List<String>> namedLists(String name) {
        Map<String, java.util.List<String>> out = new java.util.LinkedHashMap<>();
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String n : string(name, "").split(",")) {
            String each = n.strip();
            if (each.isEmpty()) {
                continue;
            }
            Optional<String> entries = string(name + "." + each);
            if (entries.isEmpty()) {
                missing.add(key(name + "." + each));
                continue;
            }
            java.util.List<String> list = new java.util.ArrayList<>();
            for (String e : entries.get().split(",")) {
                if (!e.isBlank()) {
                    list.add(e.strip());
                }
            }
            out.put(each, java.util.List.copyOf(list));
        }
        if (!missing.isEmpty()) {
            throw new NpsException(ErrorCode.CONFIGURATION, String.join(", ", missing) + ": missing; "
                    + key(name) + " names it, so list its entries there, comma-separated");
        }
        return out;
    }

    /** Durations as ISO-8601 ({@code PT30S}) or a number with a unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}. */
    default Duration duration(String name, Duration defaultValue) {
        Optional<String> v = string(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        String s = v.get().toLowerCase(java.util.Locale.ROOT);
        try {
            if (s.startsWith("p")) {
                return Duration.parse(s.toUpperCase(java.util.Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip()));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1).strip());
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new NpsException(ErrorCode.CONFIGURATION, key(name) + ": not a duration; use e.g. 30s, 5m, 500ms or PT30S");
        }
    }

    /** @return a view of this configuration under a sub-prefix */
    default PluginConfig scoped(String subPrefix) {
        PluginConfig parent = this;
        String p = key(subPrefix);
        return new PluginConfig() {
            @Override
            public String get(String key) {
                return parent.get(key);
            }

            @Override
            public String prefix() {
                return p;
            }
        };
    }

    /** @return an empty configuration: every plug-in falls back to its defaults */
    static PluginConfig empty() {
        return key -> null;
    }

    /** @return a configuration over a map of full keys, with the given prefix */
    static PluginConfig of(String prefix, Map<String, String> values) {
        Objects.requireNonNull(prefix, "prefix");
        Map<String, String> copy = Map.copyOf(values);
        return new PluginConfig() {
            @Override
            public String get(String key) {
                return copy.get(key);
            }

            @Override
            public String prefix() {
                return prefix;
            }
        };
    }
}
