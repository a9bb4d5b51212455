package dev.nps.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nps.api.analytics.Comparison;
import dev.nps.api.analytics.Interval;
import dev.nps.api.analytics.IntervalMethod;
import dev.nps.api.analytics.NpsSummary;
import dev.nps.api.analytics.ScoreCounts;
import dev.nps.engine.analytics.NpsStatistics;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * Writes an {@link Analysis} as one JSON object for scripts. Undefined figures (the NPS of no responses) are
 * {@code null}, never NaN, so every JSON parser reads the output.
 */
final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Analysis a;
    private final double confidence;
    private final ZoneId zone;

    JsonReport(Analysis a, double confidence, ZoneId zone) {
        this.a = a;
        this.confidence = confidence;
        this.zone = zone;
    }

    ObjectNode toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("file", a.file());
        root.put("dataRows", a.dataRows());
        ScoreCounts all = a.overall();
        counts(root, all);
        NpsSummary s = summary(all, confidence);
        root.set("interval95", interval(NpsStatistics.interval(all, 0.95, IntervalMethod.ADJUSTED_WALD)));
        ObjectNode chosen = interval(s.interval());
        chosen.put("confidence", confidence);
        chosen.put("method", "adjusted-Wald");
        root.set("interval", chosen);
        number(root, "standardError", s.standardError());
        root.put("smallSample", s.smallSample());
        ArrayNode distribution = root.putArray("distribution");
        for (int i = 0; i <= 10; i++) {
            distribution.add(all.count(i));
        }
        root.put("skipped", a.skipped());
        ArrayNode skipped = root.putArray("skippedExamples");
        a.skippedExamples().forEach(p -> skipped.addObject().put("line", p.line()).put("reason", p.reason()));
        root.put("undated", a.undated());
        ArrayNode undated = root.putArray("undatedExamples");
        a.undatedExamples().forEach(p -> undated.addObject().put("line", p.line()).put("reason", p.reason()));
        root.put("comments", a.comments());

        Columns c = a.columns();
        ObjectNode columns = root.putObject("columns");
        columns.put("score", c.name(c.score()));
        columns.put("scoreReason", c.scoreWhy());
        if (c.date() >= 0) {
            columns.put("date", c.name(c.date()));
            columns.put("dateFormat", c.dateFormat().shortName());
            columns.put("dateReason", c.dateWhy());
        } else {
            columns.putNull("date");
        }
        if (c.comment() >= 0) {
            columns.put("comment", c.name(c.comment()));
        } else {
            columns.putNull("comment");
        }
        ArrayNode segmentNames = columns.putArray("segments");
        c.segments().forEach(i -> segmentNames.add(c.name(i)));
        ArrayNode headers = columns.putArray("headers");
        c.headers().forEach(headers::add);
        root.put("delimiter", String.valueOf(a.delimiter()));
        root.put("encoding", a.encoding());
        root.put("zone", zone.getId());

        root.put("period", a.period().word());
        ArrayNode trend = root.putArray("trend");
        for (LocalDate p : a.trendPeriods()) {
            ObjectNode row = trend.addObject();
            row.put("period", a.period().label(p));
            row.put("start", p.toString());
            cell(row, a.trend().getOrDefault(p, ScoreCounts.EMPTY));
        }

        ArrayNode segments = root.putArray("segments");
        for (Map.Entry<Integer, Map<String, ScoreCounts>> e : a.segments().entrySet()) {
            for (Map.Entry<String, ScoreCounts> v : e.getValue().entrySet()) {
                ObjectNode row = segments.addObject();
                row.put("column", c.name(e.getKey()));
                row.put("value", v.getKey());
                cell(row, v.getValue());
                Comparison cmp = NpsStatistics.compare(v.getValue(), all.minus(v.getValue()), TextReport.ALPHA);
                ObjectNode vs = row.putObject("versusRest");
                number(vs, "difference", cmp.difference());
                number(vs, "standardError", cmp.standardError());
                number(vs, "z", cmp.z());
                number(vs, "pValue", cmp.pValue());
                vs.put("alpha", cmp.alpha());
                vs.put("significant", cmp.significant());
                vs.put("restResponses", all.total() - v.getValue().total());
            }
        }
        return root;
    }

    void write(PrintWriter out) {
        try {
            out.println(MAPPER.writeValueAsString(toJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
        out.flush();
    }

    private void cell(ObjectNode row, ScoreCounts counts) {
        counts(row, counts);
        NpsSummary s = summary(counts, confidence);
        row.set("interval", interval(s.interval()));
        row.put("smallSample", s.smallSample());
    }

    private static void counts(ObjectNode node, ScoreCounts counts) {
        node.put("responses", counts.total());
        node.put("promoters", counts.promoters());
        node.put("passives", counts.passives());
        node.put("detractors", counts.detractors());
        number(node, "nps", counts.nps());
    }

    private static NpsSummary summary(ScoreCounts counts, double confidence) {
        return NpsStatistics.summarize(counts, confidence, IntervalMethod.ADJUSTED_WALD, TextReport.MIN_SAMPLE);
    }

    private static ObjectNode interval(Interval i) {
        ObjectNode node = MAPPER.createObjectNode();
        number(node, "low", i.low());
        number(node, "high", i.high());
        return node;
    }

    private static void number(ObjectNode node, String field, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            node.putNull(field);
        } else {
            node.put(field, v);
        }
    }
}
