package dev.nps.engine.providers;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.spi.PluginProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plug-in providers with {@link ServiceLoader} and chooses among them by one written table.
 *
 * <p>For a kind with one slot (the store, the text analyser):
 * <ol>
 *   <li>a duplicate name among the candidates is an error ({@link ErrorCode#PROVIDER_AMBIGUOUS}) listing every
 *       candidate with its class and priority;</li>
 *   <li>a configured name wins; when no candidate has it, {@link ErrorCode#PROVIDER_MISSING} names the artifact
 *       to add;</li>
 *   <li>otherwise one candidate is used as is;</li>
 *   <li>otherwise the highest priority wins; a tie at the top is {@link ErrorCode#PROVIDER_AMBIGUOUS}.</li>
 * </ol>
 * For a kind with one plug-in per name (channels, alert sinks) every configured name (or, when none are
 * configured, every discovered name) is resolved the same way. The outcome does not depend on the order of
 * the class path or of the service files. Each choice is logged once at INFO.
 *
 * <p>Nothing here is static state: discovery runs again for every engine, with the class loader given.
 *
 * @since 0.1
 */
public final class ProviderResolver {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderResolver.class);

    /** Deterministic order for messages: name, then class name. */
    private static final Comparator<PluginProvider<?>> BY_NAME_THEN_CLASS =
            Comparator.<PluginProvider<?>, String>comparing(PluginProvider::name).thenComparing(p -> p.getClass().getName());

    private ProviderResolver() {}

    /**
     * Loads every provider of a kind visible to a class loader. A provider that cannot be loaded or has no valid
     * name is reported to {@code problems} and skipped.
     *
     * @param kind     the kind
     * @param loader   the class loader to search, never null
     * @param problems receives one {@link NpsException} per broken provider
     * @return the providers, ordered by name then class name
     */
    public static List<PluginProvider<?>> discover(ProviderKind kind, ClassLoader loader, Consumer<NpsException> problems) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(problems, "problems");
        List<PluginProvider<?>> found = new ArrayList<>();
        ServiceLoader<? extends PluginProvider<?>> serviceLoader = ServiceLoader.load(kind.spi(), loader);
        var it = serviceLoader.iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                PluginProvider<?> p = it.next();
                String name = p.name();
                if (name == null || name.isBlank()) {
                    problems.accept(new NpsException(ErrorCode.CONFIGURATION, kind.label() + " provider "
                            + p.getClass().getName() + " has no name; its name() must return a short non-blank name"));
                    continue;
                }
                found.add(p);
            } catch (ServiceConfigurationError e) {
                problems.accept(new NpsException(ErrorCode.CONFIGURATION, kind.label() + " provider could not be loaded from "
                        + "META-INF/services/" + kind.spi().getName() + ": " + e.getMessage(), e));
            }
        }
        found.sort(BY_NAME_THEN_CLASS);
        return found;
    }

    /**
     * Chooses the provider of a one-slot kind by the table in the class comment.
     *
     * @param kind           the kind, for messages
     * @param configuredName the name the user configured, if any
     * @param candidates     the discovered providers
     * @param <P>            provider type
     * @return the chosen provider, or empty when there is no candidate and no name was configured
     * @throws NpsException {@code PROVIDER_MISSING} or {@code PROVIDER_AMBIGUOUS}
     */
    public static <P extends PluginProvider<?>> Optional<P> choose(ProviderKind kind, Optional<String> configuredName,
                                                                   List<P> candidates) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(configuredName, "configuredName");
        List<P> sorted = sorted(candidates);
        requireUniqueNames(kind, sorted);
        if (configuredName.isPresent()) {
            String name = configuredName.get();
            P chosen = sorted.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> missing(kind, name, sorted));
            log(kind, chosen, "configured by name", sorted);
            return Optional.of(chosen);
        }
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        if (sorted.size() == 1) {
            log(kind, sorted.get(0), "the only candidate", sorted);
            return Optional.of(sorted.get(0));
        }
        int top = sorted.stream().mapToInt(PluginProvider::priority).max().orElseThrow();
        List<P> best = sorted.stream().filter(p -> p.priority() == top).toList();
        if (best.size() > 1) {
            throw new NpsException(ErrorCode.PROVIDER_AMBIGUOUS, best.size() + " " + kind.label() + " providers share the highest priority "
                    + top + ": " + describe(sorted) + "; choose one with " + kind.configPrefix() + ".name=<name>"
                    + " or remove the others from the class path");
        }
        log(kind, best.get(0), "the highest priority", sorted);
        return Optional.of(best.get(0));
    }

    /**
     * Chooses the providers of a kind with one plug-in per name (channels, alert sinks).
     *
     * @param kind       the kind, for messages
     * @param names      the names the user configured, or empty to take every discovered name
     * @param candidates the discovered providers
     * @param <P>        provider type
     * @return one provider per name, ordered by name
     * @throws NpsException {@code PROVIDER_MISSING} for a configured name nobody provides (the first such name;
     *                      the others are listed in the message), {@code PROVIDER_AMBIGUOUS} for a duplicate name
     */
    public static <P extends PluginProvider<?>> List<P> chooseEach(ProviderKind kind, Optional<List<String>> names,
                                                                   List<P> candidates) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(names, "names");
        List<P> sorted = sorted(candidates);
        requireUniqueNames(kind, sorted);
        Map<String, P> byName = new LinkedHashMap<>();
        sorted.forEach(p -> byName.put(p.name(), p));
        if (names.isEmpty()) {
            sorted.forEach(p -> log(kind, p, "discovered", sorted));
            return sorted;
        }
        List<String> missing = names.get().stream().filter(n -> !byName.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw missing(kind, missing, sorted);
        }
        List<P> chosen = names.get().stream().distinct().sorted().map(byName::get).toList();
        chosen.forEach(p -> log(kind, p, "configured by name", sorted));
        return chosen;
    }

    /**
     * @param providers providers
     * @return each as {@code 'name' (class, priority n)}, in a deterministic order
     */
    public static String describe(List<? extends PluginProvider<?>> providers) {
        return sorted(providers).stream()
                .map(p -> "'" + p.name() + "' (" + p.getClass().getName() + ", priority " + p.priority() + ")")
                .collect(Collectors.joining(", "));
    }

    private static <P extends PluginProvider<?>> List<P> sorted(List<P> candidates) {
        List<P> list = new ArrayList<>(Objects.requireNonNull(candidates, "candidates"));
        list.sort(BY_NAME_THEN_CLASS);
        return list;
    }

    private static void requireUniqueNames(ProviderKind kind, List<? extends PluginProvider<?>> sorted) {
        Map<String, List<PluginProvider<?>>> byName = new LinkedHashMap<>();
        sorted.forEach(p -> byName.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(p));
        List<String> duplicated = byName.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
        if (!duplicated.isEmpty()) {
            throw new NpsException(ErrorCode.PROVIDER_AMBIGUOUS, "several " + kind.label() + " providers are named "
                    + duplicated.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "))
                    + ": " + describe(sorted) + "; keep only one jar providing each name on the class path");
        }
    }

    private static NpsException missing(ProviderKind kind, String name, List<? extends PluginProvider<?>> found) {
        return missing(kind, List.of(name), found);
    }

    private static NpsException missing(ProviderKind kind, List<String> names, List<? extends PluginProvider<?>> found) {
        String first = names.get(0);
        StringBuilder sb = new StringBuilder();
        sb.append(kind.label()).append(names.size() == 1 ? " " : "s ")
                .append(names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")))
                .append(names.size() == 1 ? " is" : " are").append(" configured but no provider named '").append(first).append("'");
        if (names.size() > 1) {
            sb.append(" (nor the others)");
        }
        sb.append(" is on the class path; add ")
                .append(names.stream().map(kind::artifact).collect(Collectors.joining(", ")));
        sb.append(found.isEmpty() ? " (no " + kind.label() + " provider was found at all)" : " (found: " + describe(found) + ")");
        return new NpsException(ErrorCode.PROVIDER_MISSING, sb.toString());
    }

    private static void log(ProviderKind kind, PluginProvider<?> chosen, String why, List<? extends PluginProvider<?>> all) {
        LOG.info("NPS {}: using '{}' ({}, priority {}), {}; candidates: {}", kind.label(), chosen.name(),
                chosen.getClass().getName(), chosen.priority(), why, describe(all));
    }
}
