package dev.nps.engine.integrations;

import dev.nps.api.Response;
import java.util.Map;

/**
 * The attributes that describe a response's respondent for segments and rules: the response's own attributes,
 * then the stored contact's, then the customer directory's (earlier sources win). See {@link ContactEnricher}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface AttributeSource {

    /** A source that knows only the response's own attributes. */
    AttributeSource RESPONSE_ONLY = Response::attributes;

    /**
     * @param response the response, never null
     * @return the attributes, never null
     */
    Map<String, String> attributesOf(Response response);
}
