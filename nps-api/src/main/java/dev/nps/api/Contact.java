package dev.nps.api;

import dev.nps.api.internal.Checks;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person who may be surveyed. {@link #toString()} never shows the email address or phone number.
 *
 * @param id                stable identifier from the host application
 * @param email             email address, if known (non-ASCII allowed, for SMTPUTF8)
 * @param phone             phone number in E.164 ({@code +4915112345678}), if known
 * @param locale            preferred language, if known
 * @param zone              IANA time zone, if known (quiet hours use it)
 * @param attributes        segment attributes (plan, region...)
 * @param consent           channels the person agreed to be contacted on
 * @param channelPreference channels in the person's order of preference (may be empty)
 * @since 0.1
 */
public record Contact(
        String id,
        Optional<String> email,
        Optional<String> phone,
        Optional<Locale> locale,
        Optional<ZoneId> zone,
        Map<String, String> attributes,
        Set<ChannelName> consent,
        List<ChannelName> channelPreference) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    // Deliberately loose: one '@', no spaces or control characters, a dotted domain. The mail server decides the rest.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}.]+");

    public Contact {
        Checks.id(id, "contact.id");
        Checks.notNull(email, "contact.email");
        email.ifPresent(e -> requireEmail(e));
        Checks.notNull(phone, "contact.phone");
        phone.ifPresent(p -> requirePhone(p));
        Checks.notNull(locale, "contact.locale");
        Checks.notNull(zone, "contact.zone");
        attributes = Checks.attributes(attributes, "contact.attributes");
        consent = Set.copyOf(Checks.notNull(consent, "contact.consent"));
        channelPreference = List.copyOf(Checks.notNull(channelPreference, "contact.channelPreference"));
    }

    /** @return a builder for a contact with this id and nothing else */
    public static Builder of(String id) {
        return new Builder(id);
    }

    /** @return a builder holding this contact's values */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        // Set the fields directly: email()/phone() grant consent, and a copy must keep consent as it was withdrawn.
        b.email = email.orElse(null);
        b.phone = phone.orElse(null);
        locale.ifPresent(b::locale);
        zone.ifPresent(b::zone);
        b.attributes.putAll(attributes);
        b.consent.addAll(consent);
        b.channelPreference.addAll(channelPreference);
        return b;
    }

    /** @return whether the contact consented to be reached on that channel */
    public boolean consentsTo(ChannelName channel) {
        return consent.contains(channel);
    }

    /** Checks an email address's shape; returns it unchanged. */
    public static String requireEmail(String email) {
        Checks.notNull(email, "contact.email");
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw NpsException.invalid("contact.email", "is not an email address (expected local@domain.tld)");
        }
        return email;
    }

    /** Checks an E.164 phone number; returns it unchanged. */
    public static String requirePhone(String phone) {
        Checks.notNull(phone, "contact.phone");
        if (!E164.matcher(phone).matches()) {
            throw NpsException.invalid("contact.phone", "must be E.164: '+', country code and number, 8-16 digits, no spaces (e.g. +4915112345678)");
        }
        return phone;
    }

    @Override
    public String toString() {
        return "Contact[id=" + id + ", email=" + (email.isPresent() ? "<redacted>" : "none")
                + ", phone=" + (phone.isPresent() ? "<redacted>" : "none") + ", locale=" + locale.map(Locale::toLanguageTag).orElse("none")
                + ", zone=" + zone.map(ZoneId::getId).orElse("none") + ", attributes=" + attributes.keySet()
                + ", consent=" + consent + "]";
    }

    /** Fluent builder; each setter checks its argument. */
    public static final class Builder {
        private final String id;
        private String email;
        private String phone;
        private Locale locale;
        private ZoneId zone;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final Set<ChannelName> consent = new LinkedHashSet<>();
        private final List<ChannelName> channelPreference = new ArrayList<>();

        private Builder(String id) {
            this.id = Checks.id(id, "contact.id");
        }

        /** Sets the email address and records consent to email. */
        public Builder email(String email) {
            this.email = requireEmail(email);
            consent.add(ChannelName.EMAIL);
            return this;
        }

        /** Sets the E.164 phone number and records consent to SMS. */
        public Builder phone(String phone) {
            this.phone = requirePhone(phone);
            consent.add(ChannelName.SMS);
            return this;
        }

        public Builder locale(Locale locale) {
            this.locale = Checks.notNull(locale, "contact.locale");
            return this;
        }

        /** @param languageTag a BCP 47 tag such as {@code de-DE} */
        public Builder locale(String languageTag) {
            Checks.notBlank(languageTag, "contact.locale");
            Locale l = Locale.forLanguageTag(languageTag.strip());
            if (l.getLanguage().isEmpty()) {
                throw NpsException.invalid("contact.locale", "is not a BCP 47 language tag (e.g. en, de-DE)");
            }
            return locale(l);
        }

        public Builder zone(ZoneId zone) {
            this.zone = Checks.notNull(zone, "contact.zone");
            return this;
        }

        /** @param zoneId an IANA zone id such as {@code Europe/Berlin} */
        public Builder zone(String zoneId) {
            Checks.notBlank(zoneId, "contact.zone");
            try {
                return zone(ZoneId.of(zoneId.strip()));
            } catch (DateTimeException e) {
                throw NpsException.invalid("contact.zone", "is not an IANA time zone such as Europe/Berlin or America/New_York");
            }
        }

        public Builder attribute(String key, String value) {
            Checks.attributeKey(key, "contact.attributes key");
            Checks.notNull(value, "contact.attributes['" + key + "']");
            attributes.put(key, value);
            return this;
        }

        public Builder attributes(Map<String, String> attributes) {
            Checks.notNull(attributes, "contact.attributes").forEach(this::attribute);
            return this;
        }

        public Builder consent(ChannelName channel, boolean given) {
            Checks.notNull(channel, "channel");
            if (given) {
                consent.add(channel);
            } else {
                consent.remove(channel);
            }
            return this;
        }

        public Builder preferChannels(List<ChannelName> channels) {
            channelPreference.clear();
            channelPreference.addAll(Checks.notNull(channels, "contact.channelPreference"));
            return this;
        }

        public Contact build() {
            return new Contact(id, Optional.ofNullable(email), Optional.ofNullable(phone), Optional.ofNullable(locale),
                    Optional.ofNullable(zone), attributes, consent, channelPreference);
        }
    }
}
