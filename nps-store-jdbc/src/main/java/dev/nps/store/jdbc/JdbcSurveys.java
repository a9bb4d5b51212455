package dev.nps.store.jdbc;

import dev.nps.api.Category;
import dev.nps.api.QuietHours;
import dev.nps.api.ReminderPolicy;
import dev.nps.api.Survey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The surveys of {@link JdbcStore}: one row per survey, upserted whole and read back as {@link Survey} values. */
final class JdbcSurveys {
    private final JdbcTransactions tx;
    private final Tables tables;
    private final String upsertSurveySql;

    JdbcSurveys(JdbcTransactions tx, Dialect dialect, Tables tables) {
        this.tx = tx;
        this.tables = tables;
        this.upsertSurveySql = dialect.upsert(tables.surveys(), List.of("id"), List.of("question", "follow_up_detractor",
                "follow_up_passive", "follow_up_promoter", "language", "channels", "triggers", "throttle_per_contact",
                "quiet_start", "quiet_end", "reminder_delay", "reminder_max", "updated_at"));
    }

    void saveSurvey(Survey survey) {
        Objects.requireNonNull(survey, "survey");
        tx.write("saveSurvey", c -> {
            try (PreparedStatement ps = c.prepareStatement(upsertSurveySql)) {
                int i = 1;
                ps.setString(i++, survey.id());
                ps.setString(i++, survey.question());
                ps.setString(i++, survey.followUp(Category.DETRACTOR).orElse(null));
                ps.setString(i++, survey.followUp(Category.PASSIVE).orElse(null));
                ps.setString(i++, survey.followUp(Category.PROMOTER).orElse(null));
                ps.setString(i++, survey.language().toLanguageTag());
                ps.setString(i++, Codec.channels(survey.channels()));
                ps.setString(i++, Codec.triggers(survey.triggers()));
                ps.setString(i++, survey.throttlePerContact().map(Duration::toString).orElse(null));
                ps.setString(i++, survey.quietHours().map(q -> q.start().toString()).orElse(null));
                ps.setString(i++, survey.quietHours().map(q -> q.end().toString()).orElse(null));
                ps.setString(i++, survey.reminders().delay().toString());
                ps.setInt(i++, survey.reminders().maxReminders());
                ps.setObject(i, tx.now());
                ps.executeUpdate();
            }
            return null;
        });
    }

    Optional<Survey> findSurvey(String surveyId) {
        Objects.requireNonNull(surveyId, "surveyId");
        List<Survey> found = surveys(" WHERE id = ?", surveyId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    List<Survey> listSurveys() {
        return surveys(" ORDER BY id", null);
    }

    private List<Survey> surveys(String clause, String param) {
        return tx.lookup("findSurvey", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, question, follow_up_detractor, follow_up_passive,"
                    + " follow_up_promoter, language, channels, triggers, throttle_per_contact, quiet_start, quiet_end,"
                    + " reminder_delay, reminder_max FROM " + tables.surveys() + clause)) {
                if (param != null) {
                    ps.setString(1, param);
                }
                List<Survey> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<Category, String> followUps = new EnumMap<>(Category.class);
                        putIfNotNull(followUps, Category.DETRACTOR, rs.getString(3));
                        putIfNotNull(followUps, Category.PASSIVE, rs.getString(4));
                        putIfNotNull(followUps, Category.PROMOTER, rs.getString(5));
                        String quietStart = rs.getString(10);
                        String quietEnd = rs.getString(11);
                        out.add(new Survey(rs.getString(1), rs.getString(2), followUps, Locale.forLanguageTag(rs.getString(6)),
                                Codec.parseChannels(rs.getString(7)), Codec.parseTriggers(rs.getString(8)),
                                Optional.ofNullable(rs.getString(9)).map(Duration::parse),
                                quietStart == null ? Optional.empty()
                                        : Optional.of(new QuietHours(LocalTime.parse(quietStart), LocalTime.parse(quietEnd))),
                                new ReminderPolicy(Duration.parse(rs.getString(12)), rs.getInt(13))));
                    }
                }
                return out;
            }
        });
    }

    private static <K, V> void putIfNotNull(Map<K, V> map, K key, V value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
