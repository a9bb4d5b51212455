package dev.nps.http;

import java.util.Locale;
import java.util.Map;

/** The pages' texts in English and German. */
final class Messages {
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Your feedback"),
            Map.entry("youChose", "You chose %s out of 10."),
            Map.entry("changeScore", "Your score"),
            Map.entry("defaultFollowUp", "What is the main reason for your score?"),
            Map.entry("alreadyAnswered", "You have already answered. Sending again changes your answer."),
            Map.entry("send", "Send"),
            Map.entry("thanks", "Thank you for your feedback!"),
            Map.entry("updated", "Your answer has been updated. Thank you!"),
            Map.entry("unknownTitle", "Link not valid"),
            Map.entry("unknown", "This link is not valid. Please use the link from your most recent message."),
            Map.entry("expiredTitle", "Link expired"),
            Map.entry("expired", "This link has expired. Thank you for your interest all the same."),
            Map.entry("badRequestTitle", "Please check your answer"),
            Map.entry("badScore", "Please choose a score: a whole number from 0 to 10."),
            Map.entry("badComment", "Your comment could not be accepted: it is too long or contains invalid characters."),
            Map.entry("tooLarge", "The request is too large."),
            Map.entry("unsubscribeTitle", "Unsubscribe"),
            Map.entry("unsubscribeQuestion", "Do you want to stop receiving these surveys?"),
            Map.entry("unsubscribeThis", "Only this survey"),
            Map.entry("unsubscribeAll", "All surveys"),
            Map.entry("unsubscribeButton", "Unsubscribe"),
            Map.entry("unsubscribed", "You have been unsubscribed. You will not receive these surveys any more."),
            Map.entry("notFoundTitle", "Not found"),
            Map.entry("notFound", "There is nothing here."),
            Map.entry("errorTitle", "Something went wrong"),
            Map.entry("error", "Your request could not be processed. Please try again later."),
            Map.entry("methodTitle", "Method not allowed"),
            Map.entry("method", "This address does not accept that kind of request."));

    private static final Map<String, String> DE = Map.ofEntries(
            Map.entry("title", "Ihre Meinung"),
            Map.entry("youChose", "Sie haben %s von 10 gewählt."),
            Map.entry("changeScore", "Ihre Bewertung"),
            Map.entry("defaultFollowUp", "Was ist der wichtigste Grund für Ihre Bewertung?"),
            Map.entry("alreadyAnswered", "Sie haben bereits geantwortet. Wenn Sie erneut senden, wird Ihre Antwort geändert."),
            Map.entry("send", "Senden"),
            Map.entry("thanks", "Vielen Dank für Ihre Rückmeldung!"),
            Map.entry("updated", "Ihre Antwort wurde geändert. Vielen Dank!"),
            Map.entry("unknownTitle", "Ungültiger Link"),
            Map.entry("unknown", "Dieser Link ist ungültig. Bitte verwenden Sie den Link aus Ihrer neuesten Nachricht."),
            Map.entry("expiredTitle", "Link abgelaufen"),
            Map.entry("expired", "Dieser Link ist abgelaufen. Vielen Dank trotzdem für Ihr Interesse."),
            Map.entry("badRequestTitle", "Bitte prüfen Sie Ihre Antwort"),
            Map.entry("badScore", "Bitte wählen Sie eine Bewertung: eine ganze Zahl von 0 bis 10."),
            Map.entry("badComment", "Ihr Kommentar konnte nicht angenommen werden: Er ist zu lang oder enthält ungültige Zeichen."),
            Map.entry("tooLarge", "Die Anfrage ist zu groß."),
            Map.entry("unsubscribeTitle", "Abmelden"),
            Map.entry("unsubscribeQuestion", "Möchten Sie diese Umfragen nicht mehr erhalten?"),
            Map.entry("unsubscribeThis", "Nur diese Umfrage"),
            Map.entry("unsubscribeAll", "Alle Umfragen"),
            Map.entry("unsubscribeButton", "Abmelden"),
            Map.entry("unsubscribed", "Sie wurden abgemeldet. Sie erhalten diese Umfragen nicht mehr."),
            Map.entry("notFoundTitle", "Nicht gefunden"),
            Map.entry("notFound", "Hier gibt es nichts."),
            Map.entry("errorTitle", "Etwas ist schiefgelaufen"),
            Map.entry("error", "Ihre Anfrage konnte nicht bearbeitet werden. Bitte versuchen Sie es später erneut."),
            Map.entry("methodTitle", "Methode nicht erlaubt"),
            Map.entry("method", "Diese Adresse nimmt diese Art von Anfrage nicht an."));

    private final Map<String, String> texts;
    private final String lang;

    private Messages(Map<String, String> texts, String lang) {
        this.texts = texts;
        this.lang = lang;
    }

    static Messages of(Locale locale) {
        return locale != null && "de".equals(locale.getLanguage()) ? new Messages(DE, "de") : new Messages(EN, "en");
    }

    /** @return messages for the first supported language of an Accept-Language header */
    static Messages ofAcceptLanguage(String header) {
        if (header != null) {
            try {
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
                    String l = r.getRange().split("-")[0];
                    if (l.equals("de") || l.equals("en")) {
                        return of(Locale.forLanguageTag(l));
                    }
                }
            } catch (IllegalArgumentException e) {
                // A malformed header is ignored: English.
            }
        }
        return of(Locale.ENGLISH);
    }

    String get(String key) {
        return texts.get(key);
    }

    String lang() {
        return lang;
    }
}
