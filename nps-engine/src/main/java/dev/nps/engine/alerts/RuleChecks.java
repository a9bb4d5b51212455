package dev.nps.engine.alerts;

import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Field checks shared by the rules; each adds a message naming the rule, the field and the fix. */
final class RuleChecks {
    private RuleChecks() {}

    static void id(String id, List<String> problems) {
        if (id == null) {
            problems.add("rule id: must not be null");
            return;
        }
        try {
            Checks.id(id, "rule id");
        } catch (NpsException e) {
            problems.add(e.getMessage());
        }
    }

    static void survey(String rule, Optional<String> surveyId, List<String> problems) {
        surveyId.ifPresent(s -> {
            try {
                Checks.id(s, "rules[" + rule + "].survey");
            } catch (NpsException e) {
                problems.add(e.getMessage());
            }
        });
    }

    static void positive(String rule, String field, Duration d, List<String> problems) {
        if (d == null || d.isNegative() || d.isZero()) {
            problems.add("rules[" + rule + "]." + field + ": must be a positive duration (got " + d + ")");
        }
    }

    static void notNegative(String rule, String field, Duration d, List<String> problems) {
        if (d == null || d.isNegative()) {
            problems.add("rules[" + rule + "]." + field + ": must be zero or positive (got " + d + ")");
        }
    }

    static void alpha(String rule, double alpha, List<String> problems) {
        if (!(alpha > 0 && alpha <= 0.5)) {
            problems.add("rules[" + rule + "].alpha: must be in (0, 0.5], e.g. 0.05 (got " + alpha + ")");
        }
    }

    static void atLeast(String rule, String field, long value, long min, List<String> problems) {
        if (value < min) {
            problems.add("rules[" + rule + "]." + field + ": must be at least " + min + " so small samples never alert (got " + value + ")");
        }
    }

    static void points(String rule, String field, double value, double max, List<String> problems) {
        if (!(value >= 0 && value <= max)) {
            problems.add("rules[" + rule + "]." + field + ": must be 0.." + max + " points (got " + value + ")");
        }
    }

    static void segmentKey(String rule, Optional<String> key, List<String> problems) {
        key.ifPresent(k -> {
            try {
                Checks.attributeKey(k, "rules[" + rule + "].segmentBy");
            } catch (NpsException e) {
                problems.add(e.getMessage());
            }
        });
    }
}
