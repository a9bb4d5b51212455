package dev.nps.engine.reports;

import dev.nps.api.internal.Checks;
import dev.nps.engine.json.NpsJson;

/**
 * Writes and reads an {@link NpsReport} as JSON with the project's shared mapper (NaN written as {@code null}).
 *
 * @since 0.1
 */
public final class ReportJson {
    private ReportJson() {}

    /**
     * @param report the report, never null
     * @return the report as a JSON document
     */
    public static String write(NpsReport report) {
        return NpsJson.write(Checks.notNull(report, "report"));
    }

    /**
     * @param json a document written by {@link #write}
     * @return the report
     * @throws dev.nps.api.NpsException {@code INVALID_ARGUMENT} when the document is not a valid report
     */
    public static NpsReport read(String json) {
        return NpsJson.read(Checks.notNull(json, "json"), NpsReport.class);
    }
}
