package dev.nps.channels.sms;

import dev.nps.api.Contact;
import dev.nps.api.NpsException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies inbound SMS to the engine and says what to answer: the follow-up question once after a score, thanks
 * after the comment, a confirmation after STOP or START, the help text after HELP, a hint when a reply is
 * neither a score nor expected. Transports send the returned replies (TwiML for a webhook, submit_sm for SMPP).
 * Thread-safe when the handler is.
 *
 * @since 0.1
 */
public final class SmsConversation {
    private static final Logger LOG = LoggerFactory.getLogger(SmsConversation.class);

    private final SmsReplyHandler handler;
    private final ReplyParser parser;
    private final SmsTexts texts;
    private final Locale defaultLocale;

    /**
     * @param handler       the engine's side
     * @param texts         reply texts and number words
     * @param defaultLocale the language when the contact's is unknown
     */
    public SmsConversation(SmsReplyHandler handler, SmsTexts texts, Locale defaultLocale) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.parser = new ReplyParser(texts);
        this.defaultLocale = Objects.requireNonNull(defaultLocale, "defaultLocale");
    }

    /**
     * Handles one inbound message.
     *
     * @param from the sender in E.164
     * @param text the message text
     * @return the texts to send back to the sender, in order (often one, sometimes none)
     * @throws NpsException {@code INVALID_ARGUMENT} when the sender is not an E.164 number
     */
    public List<String> onInbound(String from, String text) {
        Contact.requirePhone(from);
        Objects.requireNonNull(text, "text");
        Locale locale = handler.localeOf(from).orElse(defaultLocale);
        ReplyIntent intent = parser.parse(text, locale);
        LOG.debug("inbound SMS parsed as {}", intent.getClass().getSimpleName());
        if (intent instanceof ReplyIntent.OptOut) {
            handler.suppress(from);
            return List.of(texts.get(SmsTexts.OPT_OUT, locale));
        }
        if (intent instanceof ReplyIntent.Resubscribe) {
            handler.resubscribe(from);
            return List.of(texts.get(SmsTexts.RESUBSCRIBED, locale));
        }
        if (intent instanceof ReplyIntent.Help) {
            return List.of(texts.get(SmsTexts.HELP, locale));
        }
        if (intent instanceof ReplyIntent.ScoreReply s) {
            Optional<SmsReplyHandler.ScoreRecorded> recorded = handler.recordScore(from, s.score());
            if (recorded.isEmpty()) {
                // A number without an open invitation: a stray digit is treated like any other text.
                return onComment(from, text.strip(), locale);
            }
            return List.of(recorded.get().followUp().orElseGet(() -> texts.get(SmsTexts.THANKS, recorded.get().locale())));
        }
        return onComment(from, ((ReplyIntent.Comment) intent).text(), locale);
    }

    private List<String> onComment(String from, String comment, Locale locale) {
        if (comment.isBlank()) {
            return List.of();
        }
        return switch (handler.recordComment(from, comment)) {
            case RECORDED -> List.of(texts.get(SmsTexts.THANKS, locale));
            case AWAITING_SCORE -> List.of(texts.get(SmsTexts.SCORE_HINT, locale));
            case IGNORED -> List.of();
        };
    }
}
