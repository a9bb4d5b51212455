package dev.nps.engine;

import dev.nps.api.Survey;
import java.util.List;
import java.util.Optional;

/**
 * Defines and looks up surveys. Reached through {@link NpsEngine#surveys()}. Thread-safe.
 *
 * @since 0.1
 */
public interface Surveys {

    /**
     * Starts defining a survey (or redefining one with this id); nothing is stored until
     * {@link SurveyDefinition#save()}.
     *
     * @param surveyId the survey's id
     * @return a fluent definition with the defaults of {@link Survey#builder(String)}
     * @throws dev.nps.api.NpsException {@code INVALID_ARGUMENT} for a malformed id
     */
    SurveyDefinition define(String surveyId);

    /**
     * Inserts or replaces a survey.
     *
     * @param survey the survey, never null
     * @return the survey as stored
     */
    Survey save(Survey survey);

    /**
     * @param surveyId the id, never null
     * @return the survey
     * @throws dev.nps.api.NpsException {@code NOT_FOUND} when there is no such survey
     */
    Survey get(String surveyId);

    /**
     * @param surveyId the id, never null
     * @return the survey, if stored
     */
    Optional<Survey> find(String surveyId);

    /** @return every survey, ordered by id */
    List<Survey> list();
}
