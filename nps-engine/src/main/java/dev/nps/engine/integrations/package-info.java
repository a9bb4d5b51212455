/**
 * Integrations: CRM attributes through a {@link dev.nps.spi.CustomerDirectory}
 * ({@link dev.nps.engine.integrations.ContactEnricher}, cached), CRM write-back
 * ({@link dev.nps.engine.integrations.CrmWriteBack}, {@link dev.nps.engine.integrations.HubSpotCrmWriter}),
 * outgoing events for automation tools ({@link dev.nps.engine.integrations.ResponseEvents}, case and alert
 * events) and the sinks: a signed generic webhook ({@link dev.nps.engine.integrations.WebhookSink}, accepted by
 * Zapier, Make and n8n catch hooks; consumers verify with {@link dev.nps.engine.integrations.WebhookSignature}),
 * Slack-compatible incoming webhooks ({@link dev.nps.engine.integrations.SlackWebhookSink}) and email through an
 * {@link dev.nps.engine.integrations.AlertMailer}. Providers {@code slack} and {@code webhook} are discovered
 * when configured under {@code nps.alert.slack.*} / {@code nps.alert.webhook.*}.
 */
package dev.nps.engine.integrations;
