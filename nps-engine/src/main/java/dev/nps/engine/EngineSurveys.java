package dev.nps.engine;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Survey;
import dev.nps.api.internal.Checks;
import dev.nps.spi.NpsStore;
import java.util.List;
import java.util.Optional;

final class EngineSurveys implements Surveys {
    private final NpsStore store;
    private final Lifecycle lifecycle;

    EngineSurveys(NpsStore store, Lifecycle lifecycle) {
        this.store = store;
        this.lifecycle = lifecycle;
    }

    @Override
    public SurveyDefinition define(String surveyId) {
        lifecycle.requireOpen();
        return new SurveyDefinition(surveyId, this::save);
    }

    @Override
    public Survey save(Survey survey) {
        Checks.notNull(survey, "survey");
        lifecycle.requireOpen();
        store.saveSurvey(survey);
        return survey;
    }

    @Override
    public Survey get(String surveyId) {
        return find(surveyId).orElseThrow(() -> new NpsException(ErrorCode.NOT_FOUND,
                "survey '" + surveyId + "' does not exist; define it with surveys().define(\"" + surveyId + "\")...save()"));
    }

    @Override
    public Optional<Survey> find(String surveyId) {
        Checks.id(surveyId, "surveyId");
        lifecycle.requireOpen();
        return store.findSurvey(surveyId);
    }

    @Override
    public List<Survey> list() {
        lifecycle.requireOpen();
        return store.listSurveys();
    }
}
