package dev.nps.engine.workflow;

import dev.nps.api.analytics.Comparison;
import dev.nps.api.analytics.ScoreCounts;
import java.time.Duration;
import java.util.Optional;

/**
 * How the closed loop performs: speed of the first contact, the share closed within the SLA, and whether
 * closing the loop works: the next NPS answer of contacts whose case was resolved against those whose case was
 * not (won't fix or still open), with a z-test on the difference.
 *
 * @param cases                     cases opened in the window
 * @param open                      still open (not contacted)
 * @param contacted                 contacted, not closed
 * @param resolved                  resolved
 * @param wontFix                   closed as won't fix
 * @param medianTimeToFirstContact  over contacted cases
 * @param contactedWithinSlaShare   share of cases first contacted by their due time (NaN with no cases)
 * @param closedWithinSlaShare      share of cases closed by their due time (NaN with no cases)
 * @param laterResolved             later answers of contacts whose case was resolved
 * @param laterNotResolved          later answers of contacts whose case was not resolved
 * @param resolvedVsNot             NPS of the first minus the second, with its test
 * @since 0.1
 */
public record CaseMetrics(long cases, long open, long contacted, long resolved, long wontFix,
                          Optional<Duration> medianTimeToFirstContact, double contactedWithinSlaShare, double closedWithinSlaShare,
                          ScoreCounts laterResolved, ScoreCounts laterNotResolved, Comparison resolvedVsNot) {}
