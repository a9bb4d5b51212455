package dev.nps.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class AddressAndEscapingProperties {

    @Property
    void checkingAnyStringNeverThrowsAndNeverQuotesIt(@ForAll @StringLength(min = 3, max = 80) String s) {
        Addresses.check(s).ifPresent(reason -> assertThat(reason).doesNotContain(s));
    }

    @Property
    void anAcceptedAddressBuildsAnAsciiDomainEnvelope(@ForAll @StringLength(min = 1, max = 20) String local,
                                                     @ForAll @StringLength(min = 1, max = 20) String host) {
        String address = local + "@" + host + ".example";
        if (Addresses.check(address).isEmpty()) {
            String built = Addresses.toInternetAddress(address).getAddress();
            assertThat(built.substring(built.lastIndexOf('@') + 1)).matches("[A-Za-z0-9.\\-]+");
            assertThat(built.substring(0, built.lastIndexOf('@'))).isEqualTo(local);
        }
    }

    @Property
    void escapedHtmlHasNoMarkupCharactersAndUnescapesToTheInput(@ForAll String s) {
        String escaped = EmailTemplates.escapeHtml(s);

        assertThat(escaped).doesNotContain("<", ">", "\"", "'");
        assertThat(escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&")).isEqualTo(s);
    }
}
