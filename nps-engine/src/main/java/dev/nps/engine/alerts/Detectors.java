package dev.nps.engine.alerts;

import dev.nps.api.analytics.ScoreCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pure decision parts of the periodic rules, apart from reading the store, so they can be tested in bulk. */
final class Detectors {
    private Detectors() {}

    /** One segment's recent and baseline counts. */
    record Sides(ScoreCounts recent, ScoreCounts baseline) {}

    /** A segment whose drop is a discovery. */
    record SegmentDrop(String segment, Sides sides, AlertStatistics.Drop drop) {}

    /**
     * Tests every segment with enough responses on both sides for a one-sided drop, controls the false
     * discovery rate with Benjamini-Hochberg, and keeps the discoveries that dropped at least the minimum.
     */
    static List<SegmentDrop> npsDrops(Map<String, Sides> bySegment, int minResponses, double minDropPoints, double alpha) {
        List<String> tested = new ArrayList<>();
        List<AlertStatistics.Drop> drops = new ArrayList<>();
        List<Double> pValues = new ArrayList<>();
        bySegment.forEach((segment, sides) -> {
            if (sides.recent().total() >= minResponses && sides.baseline().total() >= minResponses) {
                AlertStatistics.Drop d = AlertStatistics.npsDrop(sides.recent(), sides.baseline());
                tested.add(segment);
                drops.add(d);
                pValues.add(d.pValue());
            }
        });
        boolean[] rejected = AlertStatistics.benjaminiHochberg(pValues, alpha);
        List<SegmentDrop> out = new ArrayList<>();
        for (int i = 0; i < tested.size(); i++) {
            if (rejected[i] && -drops.get(i).difference() >= minDropPoints) {
                out.add(new SegmentDrop(tested.get(i), bySegment.get(tested.get(i)), drops.get(i)));
            }
        }
        return out;
    }
}
