package dev.nps.engine.text;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.spi.PluginConfig;
import dev.nps.spi.TextAnalyser;
import dev.nps.spi.TextAnalyserProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * ServiceLoader entry of the built-in analyser: name {@code builtin}, priority 0, so that any other analyser on the
 * class path wins unless this one is named.
 *
 * <p>Configuration (under the given prefix): {@code feedbackDomain} (boolean, default true), {@code builtinTopics}
 * (boolean, default true), and user themes as {@code themes.<name>=keyword, keyword phrase, ...}; list the theme
 * names, in order, in {@code themes} (comma-separated).
 *
 * @since 0.1
 */
public final class BuiltinTextAnalyserProvider implements TextAnalyserProvider {
    @Override
    public String name() {
        return BuiltinTextAnalyser.NAME;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public TextAnalyser create(PluginConfig config) {
        if (config == null) {
            throw new NpsException(ErrorCode.CONFIGURATION, "text analyser config must not be null; use PluginConfig.empty()");
        }
        List<String> problems = new ArrayList<>();
        BuiltinTextAnalyser.Builder b = BuiltinTextAnalyser.builder();
        try {
            b.feedbackDomain(config.bool("feedbackDomain", true));
        } catch (NpsException e) {
            problems.add(e.getMessage());
        }
        try {
            b.builtinTopics(config.bool("builtinTopics", true));
        } catch (NpsException e) {
            problems.add(e.getMessage());
        }
        try {
            config.namedLists("themes").forEach((name, keywords) -> {
                try {
                    b.userTheme(new UserTheme(name, keywords));
                } catch (NpsException e) {
                    problems.add(config.key("themes." + name) + ": " + e.getMessage());
                }
            });
        } catch (NpsException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new NpsException(ErrorCode.CONFIGURATION, "text analyser 'builtin': " + String.join("; ", problems));
        }
        return b.build();
    }
}
