package dev.nps.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HtmlAndFormsTest {

    @Property
    void escapedTextHasNoMarkupCharacters(@ForAll String text) {
        String e = Html.escape(text);
        assertThat(e).doesNotContain("<", ">", "\"", "'");
        assertThat(e.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&"))
                .isEqualTo(text);
    }

    @Property
    void jsonStringsCannotCloseAScriptOrTheString(@ForAll String text) {
        String j = Html.json(text);
        assertThat(j).startsWith("\"").endsWith("\"");
        String inner = j.substring(1, j.length() - 1);
        assertThat(inner).doesNotContain("<", ">").doesNotContainPattern("(?<!\\\\)\"");
    }

    @Test
    void parsesFormsAndIgnoresMalformedEscapes() {
        assertThat(Forms.parse("score=7&comment=a%20b+c&score=9&bad=%zz&flag"))
                .containsEntry("score", "7").containsEntry("comment", "a b c").containsEntry("flag", "").doesNotContainKey("bad");
        assertThat(Forms.parse(null)).isEmpty();
    }

    @Test
    void refusesBodiesOverTheLimitByHeaderOrByContent() {
        assertThatThrownBy(() -> Forms.read(new ByteArrayInputStream(new byte[10]), "5000", 1024)).isInstanceOf(Forms.TooLarge.class);
        assertThatThrownBy(() -> Forms.read(new ByteArrayInputStream(new byte[1025]), null, 1024)).isInstanceOf(Forms.TooLarge.class);
        assertThat(Forms.parse(new String(new byte[0]))).isEmpty();
    }

    @Test
    void scoresAreStrict() {
        assertThat(Endpoints.parseScore("10")).isPresent();
        assertThat(Endpoints.parseScore(" 0 ")).isPresent();
        for (String bad : new String[] {"-1", "11", "7.5", "ten", "", null, "+5", "٣"}) {
            assertThat(Endpoints.parseScore(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }
}
