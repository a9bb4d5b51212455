package dev.nps.cli;

import dev.nps.engine.NpsEngine;
import dev.nps.engine.reports.TextThemes;

/** The themes of an engine's stored comments for reports and the dashboard, by its text analyser when it has one. */
final class EngineThemes {
    private EngineThemes() {}

    static TextThemes of(NpsEngine engine) {
        return engine.textAnalyser().map(a -> TextThemes.over(engine.store(), a))
                .orElseGet(() -> TextThemes.over(engine.store()));
    }
}
