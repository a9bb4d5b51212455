package dev.nps.engine.reports;

import java.util.List;

/**
 * Delivers a rendered report to people. The email module's adapter (in nps-cli) satisfies it; a host can post to
 * chat or a file share instead.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ReportMailer {

    /**
     * @param recipients the addresses, never empty
     * @param subject    the subject line
     * @param report     the report (for a plain-text summary)
     * @param html       the report rendered as a self-contained HTML document
     * @throws dev.nps.api.NpsException {@code CHANNEL_FAILURE} when it could not be delivered
     */
    void send(List<String> recipients, String subject, NpsReport report, String html);
}
