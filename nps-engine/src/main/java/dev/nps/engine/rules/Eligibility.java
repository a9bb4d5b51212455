package dev.nps.engine.rules;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.QuietHours;
import dev.nps.api.Survey;
import dev.nps.api.internal.Checks;
import dev.nps.spi.Channel;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.FatigueGuard;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.SkipReason;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules that decide whether, when and on which channel a contact may receive a survey: unsubscribes,
 * channel choice (survey order, contact preference, fallback), consent, suppression, fatigue and quiet hours.
 * Checked when an invitation is created and again just before it is sent. Thread-safe.
 *
 * @since 0.1
 */
public final class Eligibility {
    /** Zone used for quiet hours when a contact has none: {@value}. */
    public static final String DEFAULT_ZONE = "UTC";

    private final DispatchStore store;
    private final Map<ChannelName, Channel> channels;
    private final FatiguePolicy fatigue;
    private final Map<ChannelName, QuietHours> quietHoursByChannel;
    private final ZoneId defaultZone;
    private final RuleState live;

    /**
     * @param store               where suppressions, unsubscribes and invitations live
     * @param channels            the configured push channels by name
     * @param fatigue             the fatigue policy
     * @param quietHoursByChannel default quiet hours per channel (a survey's own quiet hours replace them);
     *                            a channel not listed uses {@link QuietHours#DEFAULT}
     * @param defaultZone         zone for contacts without one
     */
    public Eligibility(DispatchStore store, Map<ChannelName, Channel> channels, FatiguePolicy fatigue,
                       Map<ChannelName, QuietHours> quietHoursByChannel, ZoneId defaultZone) {
        this.store = Checks.notNull(store, "store");
        this.channels = Map.copyOf(Checks.notNull(channels, "channels"));
        this.fatigue = Checks.notNull(fatigue, "fatigue");
        this.quietHoursByChannel = Map.copyOf(Checks.notNull(quietHoursByChannel, "quietHours"));
        this.defaultZone = Checks.notNull(defaultZone, "defaultZone");
        this.live = new RuleState.Live(store);
    }

    /** @return default quiet hours: 21:00-08:00 for email, SMS and in-app */
    public static Map<ChannelName, QuietHours> defaultQuietHours() {
        return Map.of(ChannelName.EMAIL, QuietHours.DEFAULT, ChannelName.SMS, QuietHours.DEFAULT, ChannelName.IN_APP, QuietHours.DEFAULT);
    }

    /** @return rules with the default fatigue policy, default quiet hours and UTC for contacts without a zone */
    public static Eligibility defaults(DispatchStore store, Map<ChannelName, Channel> channels) {
        return new Eligibility(store, channels, FatiguePolicy.DEFAULT, defaultQuietHours(), ZoneOffset.UTC);
    }

    /**
     * Chooses a push channel or a reason to skip, ignoring fatigue (checked separately).
     *
     * @param survey  the survey
     * @param contact the recipient
     * @return the decision
     */
    public Decision choose(Survey survey, Contact contact) {
        return choose(survey, contact, live);
    }

    /**
     * {@link #choose(Survey, Contact)} over the rule state read for a whole batch.
     *
     * @param snapshot the batch's rule state, which must include this contact
     * @return the decision
     * @since 0.2
     */
    public Decision choose(Survey survey, Contact contact, RuleSnapshot snapshot) {
        return choose(survey, contact, (RuleState) Checks.notNull(snapshot, "snapshot"));
    }

    private Decision choose(Survey survey, Contact contact, RuleState state) {
        Checks.notNull(survey, "survey");
        Checks.notNull(contact, "contact");
        Optional<Decision> unsubscribed = unsubscribed(survey, contact, state);
        if (unsubscribed.isPresent()) {
            return unsubscribed.get();
        }
        List<String> notes = new ArrayList<>();
        SkipReason worst = null;
        for (ChannelName c : channelOrder(survey, contact)) {
            Channel channel = channels.get(c);
            SkipReason reason;
            if (channel == null) {
                reason = SkipReason.NO_REACHABLE_CHANNEL;
                notes.add(c + ": not configured");
            } else {
                Optional<SkipReason> r = check(c, contact, channel.canReach(contact), state);
                if (r.isEmpty()) {
                    return new Decision.Send(c);
                }
                reason = r.get();
                notes.add(c + ": " + describe(reason));
            }
            worst = worst == null || rank(reason) > rank(worst) ? reason : worst;
        }
        return new Decision.Skip(worst == null ? SkipReason.NO_REACHABLE_CHANNEL : worst,
                notes.isEmpty() ? "the survey lists no channel" : String.join("; ", notes));
    }

    /**
     * Checks one given channel (used by the in-app prompt, where the contact is already in front of the app).
     *
     * @return the decision for that channel
     */
    public Decision checkChannel(Survey survey, Contact contact, ChannelName channel) {
        Checks.notNull(survey, "survey");
        Checks.notNull(contact, "contact");
        Checks.notNull(channel, "channel");
        Optional<Decision> unsubscribed = unsubscribed(survey, contact, live);
        if (unsubscribed.isPresent()) {
            return unsubscribed.get();
        }
        if (!survey.channels().contains(channel)) {
            return new Decision.Skip(SkipReason.NO_REACHABLE_CHANNEL, channel + ": not a channel of the survey");
        }
        Channel push = channels.get(channel);
        return check(channel, contact, push == null || push.canReach(contact), live)
                .<Decision>map(r -> new Decision.Skip(r, channel + ": " + describe(r)))
                .orElse(new Decision.Send(channel));
    }

    private static Optional<Decision> unsubscribed(Survey survey, Contact contact, RuleState state) {
        return state.unsubscribes(contact.id()).stream().filter(u -> u.covers(survey.id())).findFirst()
                .map(u -> new Decision.Skip(SkipReason.UNSUBSCRIBED,
                        u.surveyId().isPresent() ? "unsubscribed from this survey" : "unsubscribed from all surveys"));
    }

    private static Optional<SkipReason> check(ChannelName c, Contact contact, boolean reachable, RuleState state) {
        if (!reachable) {
            return Optional.of(SkipReason.NO_REACHABLE_CHANNEL);
        }
        if (!contact.consentsTo(c)) {
            return Optional.of(SkipReason.NO_CONSENT);
        }
        Optional<String> address = address(c, contact);
        if (address.isPresent() && state.suppressed(address.get())) {
            return Optional.of(SkipReason.SUPPRESSED);
        }
        return Optional.empty();
    }

    /** @return the survey's channels, those the contact prefers first in the contact's order, the rest in the survey's */
    static List<ChannelName> channelOrder(Survey survey, Contact contact) {
        List<ChannelName> pref = contact.channelPreference();
        List<ChannelName> order = new ArrayList<>(survey.channels());
        Map<ChannelName, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            int p = pref.indexOf(order.get(i));
            rank.put(order.get(i), p >= 0 ? p : pref.size() + i);
        }
        order.sort(Comparator.comparing(rank::get));
        return order;
    }

    /** @return the address a channel delivers to and which a suppression names */
    public static Optional<String> address(ChannelName channel, Contact contact) {
        if (channel.equals(ChannelName.EMAIL)) {
            return contact.email();
        }
        if (channel.equals(ChannelName.SMS)) {
            return contact.phone();
        }
        return Optional.empty();
    }

    private static int rank(SkipReason r) {
        return switch (r) {
            case SUPPRESSED -> 3;
            case NO_CONSENT -> 2;
            default -> 1;
        };
    }

    private static String describe(SkipReason r) {
        return switch (r) {
            case SUPPRESSED -> "address suppressed";
            case NO_CONSENT -> "no consent";
            case NO_REACHABLE_CHANNEL -> "no address for this channel";
            default -> r.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** @return the fatigue window for the survey: its own throttle, else the policy's */
    public Duration fatigueWindow(Survey survey) {
        return survey.throttlePerContact().orElse(fatigue.window());
    }

    /**
     * @return the guard a store checks atomically when inserting a first invitation of the survey to the contact
     */
    public FatigueGuard fatigueGuard(Survey survey, String contactId, Instant now) {
        return new FatigueGuard(contactId,
                fatigue.scope() == FatiguePolicy.Scope.PER_SURVEY ? Optional.of(survey.id()) : Optional.empty(),
                now.minus(fatigueWindow(survey)));
    }

    // The same prefix as Invitations.FOLLOW_UP_SOURCE; kept here so rules do not depend on the dispatch package.
    private static final String FOLLOW_UP_SOURCE = "follow-up:";

    /**
     * The send-time fatigue check: another first invitation to the contact was sent inside the window.
     *
     * @param invitation the invitation about to be sent (itself and its chain do not count; reminders and follow-ups
     *                   are never fatigued)
     * @return a skip, if fatigued
     */
    public Optional<Decision> fatiguedAtSend(Survey survey, Invitation invitation, Instant now) {
        return fatiguedAtSend(survey, invitation, now, live);
    }

    /**
     * {@link #fatiguedAtSend(Survey, Invitation, Instant)} over the rule state read for a whole batch.
     *
     * @param snapshot the batch's rule state, which must include the invitation's contact
     * @return a skip, if fatigued
     * @since 0.2
     */
    public Optional<Decision> fatiguedAtSend(Survey survey, Invitation invitation, Instant now, RuleSnapshot snapshot) {
        return fatiguedAtSend(survey, invitation, now, (RuleState) Checks.notNull(snapshot, "snapshot"));
    }

    private Optional<Decision> fatiguedAtSend(Survey survey, Invitation invitation, Instant now, RuleState state) {
        if (invitation.reminder() > 0 || invitation.source().startsWith(FOLLOW_UP_SOURCE)) {
            return Optional.empty();
        }
        Instant since = now.minus(fatigueWindow(survey));
        boolean perSurvey = fatigue.scope() == FatiguePolicy.Scope.PER_SURVEY;
        return state.invitations(invitation.contactId()).stream()
                .filter(o -> !o.rootId().equals(invitation.rootId()) && o.reminder() == 0 && o.status() == InvitationStatus.SENT)
                .filter(o -> o.sentAt().map(s -> !s.isBefore(since)).orElse(false))
                .filter(o -> !perSurvey || o.surveyId().equals(survey.id()))
                .findFirst()
                .map(o -> new Decision.Skip(SkipReason.FATIGUE, "surveyed inside the " + fatigueWindow(survey).toDays() + "-day window"));
    }

    /**
     * @return the first instant at or after {@code due} outside the quiet hours of the channel, in the contact's zone
     */
    public Instant sendTime(Survey survey, Contact contact, ChannelName channel, Instant due) {
        QuietHours window = survey.quietHours().orElse(quietHoursByChannel.getOrDefault(channel, QuietHours.DEFAULT));
        return QuietHoursRule.defer(due, contact.zone().orElse(defaultZone), window);
    }
}
