package dev.nps.channels.email;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How invitation emails look: the sender's brand name, colours and logo. Colours are hex ({@code #1a56db} or
 * {@code #fff}) so they cannot carry markup into a style attribute; the logo must be an https URL because mail
 * clients block or warn about plain http images.
 *
 * @param name            brand name shown in the subject, the heading and the footer; 1..100 characters, one line
 * @param primaryColor    background of the score buttons
 * @param buttonTextColor text on the score buttons
 * @param backgroundColor page background
 * @param textColor       body text
 * @param logoUrl         an https logo shown above the question, if any
 * @since 0.1
 */
public record Brand(String name, String primaryColor, String buttonTextColor, String backgroundColor, String textColor,
                    Optional<URI> logoUrl) {

    /** Default button colour, {@value}: a blue with 4.5:1 contrast against white text. */
    public static final String DEFAULT_PRIMARY_COLOR = "#1a56db";
    /** Default button text colour, {@value}. */
    public static final String DEFAULT_BUTTON_TEXT_COLOR = "#ffffff";
    /** Default background, {@value}. Explicit, so dark-mode clients do not pick their own. */
    public static final String DEFAULT_BACKGROUND_COLOR = "#ffffff";
    /** Default text colour, {@value}. */
    public static final String DEFAULT_TEXT_COLOR = "#1f2933";
    /** Longest brand name accepted. */
    public static final int MAX_NAME_LENGTH = 100;

    private static final Pattern HEX = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    public Brand {
        List<String> problems = new ArrayList<>();
        problems(name, primaryColor, buttonTextColor, backgroundColor, textColor, logoUrl, "brand", problems);
        if (!problems.isEmpty()) {
            throw new NpsException(ErrorCode.CONFIGURATION, String.join("; ", problems));
        }
        primaryColor = primaryColor.toLowerCase(Locale.ROOT);
        buttonTextColor = buttonTextColor.toLowerCase(Locale.ROOT);
        backgroundColor = backgroundColor.toLowerCase(Locale.ROOT);
        textColor = textColor.toLowerCase(Locale.ROOT);
    }

    /**
     * A brand with the default colours and no logo.
     *
     * @param name the brand name, never null
     * @return the brand
     * @throws NpsException CONFIGURATION when the name is blank, too long or spans lines
     */
    public static Brand of(String name) {
        return new Brand(name, DEFAULT_PRIMARY_COLOR, DEFAULT_BUTTON_TEXT_COLOR, DEFAULT_BACKGROUND_COLOR, DEFAULT_TEXT_COLOR,
                Optional.empty());
    }

    /** @return a copy with these button colours (hex) */
    public Brand withButtonColors(String primary, String buttonText) {
        return new Brand(name, primary, buttonText, backgroundColor, textColor, logoUrl);
    }

    /** @return a copy with these page colours (hex) */
    public Brand withPageColors(String background, String text) {
        return new Brand(name, primaryColor, buttonTextColor, background, text, logoUrl);
    }

    /** @return a copy with this https logo */
    public Brand withLogo(URI logo) {
        return new Brand(name, primaryColor, buttonTextColor, backgroundColor, textColor, Optional.of(logo));
    }

    /** Adds every problem of these values to {@code problems}, each naming its key under {@code prefix}. */
    static void problems(String name, String primary, String buttonText, String background, String text, Optional<URI> logo,
                         String prefix, List<String> problems) {
        if (name == null || name.isBlank()) {
            problems.add(prefix + ".name: must be set; use the name your customers know you by");
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.add(prefix + ".name: longer than " + MAX_NAME_LENGTH + " characters");
        } else if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0) {
            problems.add(prefix + ".name: must be one line (it is used in the subject)");
        }
        color(primary, prefix + ".primary-color", problems);
        color(buttonText, prefix + ".button-text-color", problems);
        color(background, prefix + ".background-color", problems);
        color(text, prefix + ".text-color", problems);
        if (logo == null) {
            problems.add(prefix + ".logo-url: must not be null (use Optional.empty())");
        } else {
            logo.ifPresent(u -> {
                if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                    problems.add(prefix + ".logo-url: must be an absolute https URL such as https://example.com/logo.png");
                }
            });
        }
    }

    static Optional<URI> parseLogo(String value, String key, List<String> problems) {
        try {
            return Optional.of(new URI(value));
        } catch (URISyntaxException e) {
            problems.add(key + ": not a URL; use an absolute https URL such as https://example.com/logo.png");
            return Optional.empty();
        }
    }

    private static void color(String value, String key, List<String> problems) {
        if (value == null || !HEX.matcher(value).matches()) {
            problems.add(key + ": must be a hex colour such as #1a56db or #fff");
        }
    }

    @Override
    public String toString() {
        return "Brand[" + name + "]";
    }
}
