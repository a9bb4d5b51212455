-- Views for BI tools. Instants are UTC timestamps; days are UTC days.

CREATE VIEW ${prefix}v_responses AS
SELECT r.id,
       r.survey_id,
       r.contact_id,
       r.invitation_id,
       r.score,
       CASE WHEN r.score >= 9 THEN 'PROMOTER' WHEN r.score >= 7 THEN 'PASSIVE' ELSE 'DETRACTOR' END AS category,
       r.comment,
       r.channel,
       TIMESTAMPADD(MICROSECOND, r.answered_at_ns DIV 1000,
                    TIMESTAMPADD(SECOND, r.answered_at_s, TIMESTAMP '1970-01-01 00:00:00')) AS answered_at,
       CAST(TIMESTAMPADD(SECOND, r.answered_at_s, TIMESTAMP '1970-01-01 00:00:00') AS DATE) AS answered_day,
       r.created_at,
       r.edited_at
FROM ${prefix}responses r;

CREATE VIEW ${prefix}v_daily_nps AS
SELECT g.day,
       g.survey,
       g.channel,
       g.promoters,
       g.passives,
       g.detractors,
       g.responses,
       CAST(ROUND(100.0 * (g.promoters - g.detractors) / g.responses, 2) AS DECIMAL(6, 2)) AS nps
FROM (SELECT r.day,
             r.survey,
             r.channel,
             CAST(SUM(CASE WHEN r.score >= 9 THEN 1 ELSE 0 END) AS SIGNED) AS promoters,
             CAST(SUM(CASE WHEN r.score IN (7, 8) THEN 1 ELSE 0 END) AS SIGNED) AS passives,
             CAST(SUM(CASE WHEN r.score <= 6 THEN 1 ELSE 0 END) AS SIGNED) AS detractors,
             COUNT(*) AS responses
      FROM (SELECT CAST(TIMESTAMPADD(SECOND, x.answered_at_s, TIMESTAMP '1970-01-01 00:00:00') AS DATE) AS day,
                   x.survey_id AS survey,
                   x.channel,
                   x.score
            FROM ${prefix}responses x) r
      GROUP BY r.day, r.survey, r.channel) g;
