/**
 * The closed loop: a {@link dev.nps.engine.workflow.Workflow} opens a follow-up
 * {@link dev.nps.spi.FollowUpCase} for each detractor (owner from an attribute or round robin, due
 * after an SLA), notifies the owner, asks promoters for a thank-you, review or referral through a
 * {@link dev.nps.engine.workflow.FollowUpSender} (the dispatch pipeline, which obeys consent and quiet hours),
 * and tags responses. {@link dev.nps.engine.workflow.Cases} moves cases open -> contacted -> resolved (or won't
 * fix) and measures the loop ({@link dev.nps.engine.workflow.CaseMetrics}), including whether contacts whose
 * case was resolved answer better later than those whose case was not.
 */
package dev.nps.engine.workflow;
