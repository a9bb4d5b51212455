/**
 * Alerts over the response stream: rules ({@link dev.nps.engine.alerts.NpsDropRule},
 * {@link dev.nps.engine.alerts.ControlChartRule}, {@link dev.nps.engine.alerts.DetractorRule},
 * {@link dev.nps.engine.alerts.ThemeSurgeRule}, {@link dev.nps.engine.alerts.ResponseRateRule}) evaluated by an
 * {@link dev.nps.engine.alerts.AlertMonitor}, and durable delivery through an
 * {@link dev.nps.engine.alerts.AlertRelay} over an {@link dev.nps.spi.AlertOutbox}.
 *
 * <pre>{@code
 * AlertRelay relay = AlertRelay.builder().engine(nps).build();          // the engine's sinks (slack, webhook...)
 * AlertMonitor monitor = AlertMonitor.builder().engine(nps).publisher(relay)
 *     .rule(NpsDropRule.named("weekly-drop").segmentBy("plan").build())
 *     .rule(DetractorRule.named("enterprise").inSegment("plan", "enterprise").build())
 *     .build();                                                        // every rule problem listed at once
 * nps.responses().addListener(monitor);                               // response rules on recording
 * monitor.start(nps.executor(), Duration.ofMinutes(15));              // period rules on a schedule
 * relay.start(nps.executor(), Duration.ofSeconds(10));                // deliveries, retried with back-off
 * }</pre>
 *
 * <p>False alarms: the drop rule tests one-sided at {@code alpha} with the Benjamini-Hochberg procedure across
 * segments, never below the minimum sample, and only for drops of at least the minimum size; the control chart's
 * limit is calibrated by simulation to its false-alarm level. Cool-downs and stable alert keys stop storms.
 */
package dev.nps.engine.alerts;
