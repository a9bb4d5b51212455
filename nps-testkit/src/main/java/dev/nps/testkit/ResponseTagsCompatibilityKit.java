package dev.nps.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.NpsException;
import dev.nps.spi.ResponseTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ResponseTags}: every implementation passes this kit. A backend's test is a small subclass
 * returning fresh, empty tags from {@link #createTags()}; {@link #closeTags} releases them.
 */
public abstract class ResponseTagsCompatibilityKit {
    private ResponseTags tags;

    /** @return fresh, empty response tags */
    protected abstract ResponseTags createTags();

    /** Releases the tags (default: nothing). */
    protected void closeTags(ResponseTags tags) {
    }

    @BeforeEach
    void open() {
        tags = createTags();
    }

    @AfterEach
    void close() {
        closeTags(tags);
    }

    @Test
    @DisplayName("a response without tags has none")
    void emptyByDefault() {
        assertThat(tags.tagsOf("r-1")).isEmpty();
    }

    @Test
    @DisplayName("tags are added once, listed in alphabetical order, and kept per response")
    void addsAndLists() {
        assertThat(tags.add("r-1", Set.of("needs-follow-up", "Billing", "a.b_c"))).isEqualTo(3);
        assertThat(tags.add("r-1", Set.of("needs-follow-up", "vip"))).as("only vip is new").isEqualTo(1);
        assertThat(tags.add("r-1", Set.of())).isZero();
        assertThat(tags.tagsOf("r-1")).containsExactly("Billing", "a.b_c", "needs-follow-up", "vip");
        assertThat(tags.tagsOf("r-2")).isEmpty();
    }

    @Test
    @DisplayName("tags differ by case: Vip and vip are two tags")
    void caseSensitive() {
        assertThat(tags.add("r-1", Set.of("vip", "Vip"))).isEqualTo(2);
        assertThat(tags.tagsOf("r-1")).containsExactly("Vip", "vip");
    }

    @Test
    @DisplayName("removing takes away only the named tags; removing a missing tag changes nothing")
    void removes() {
        tags.add("r-1", Set.of("a", "b", "c"));
        tags.add("r-2", Set.of("a"));
        assertThat(tags.remove("r-1", Set.of("a", "zzz"))).isEqualTo(1);
        assertThat(tags.remove("r-1", Set.of("a"))).isZero();
        assertThat(tags.remove("r-9", Set.of("a"))).isZero();
        assertThat(tags.tagsOf("r-1")).containsExactly("b", "c");
        assertThat(tags.tagsOf("r-2")).containsExactly("a");
        assertThat(tags.remove("r-1", Set.of("b", "c"))).isEqualTo(2);
        assertThat(tags.tagsOf("r-1")).isEmpty();
        assertThat(tags.add("r-1", Set.of("b"))).as("a removed tag can come back").isEqualTo(1);
    }

    @Test
    @DisplayName("a tag of 64 characters is kept whole; one of 65 is rejected naming the field")
    void boundedLength() {
        String longest = "t" + "x".repeat(ResponseTags.MAX_TAG_LENGTH - 1);
        assertThat(tags.add("r-1", Set.of(longest))).isEqualTo(1);
        assertThat(tags.tagsOf("r-1")).containsExactly(longest);
        assertThatThrownBy(() -> tags.add("r-1", Set.of(longest + "x"))).isInstanceOf(NpsException.class)
                .hasMessageContaining("tags[0]").hasMessageContaining("at most 64");
    }

    @Test
    @DisplayName("malformed tags and response ids are rejected naming the field, and nothing of the call is stored")
    void validates() {
        for (String bad : List.of("", "1st", "-x", "has space", "emoji😀", "ümlaut", "semi;colon")) {
            assertThatThrownBy(() -> tags.add("r-1", Set.of(bad))).as(bad).isInstanceOf(NpsException.class).hasMessageContaining("tags[0]");
            assertThatThrownBy(() -> tags.remove("r-1", Set.of(bad))).as(bad).isInstanceOf(NpsException.class).hasMessageContaining("tags[0]");
        }
        assertThatThrownBy(() -> tags.add("r-1", Set.of("good", "bad tag"))).isInstanceOf(NpsException.class).hasMessageContaining("tags[");
        assertThat(tags.tagsOf("r-1")).as("a rejected call stores nothing").isEmpty();
        assertThatThrownBy(() -> tags.add("bad id", Set.of("a"))).isInstanceOf(NpsException.class).hasMessageContaining("responseId");
        assertThatThrownBy(() -> tags.add(null, Set.of("a"))).isInstanceOf(NpsException.class).hasMessageContaining("responseId");
        assertThatThrownBy(() -> tags.add("r-1", null)).isInstanceOf(NpsException.class).hasMessageContaining("tags");
        assertThatThrownBy(() -> tags.tagsOf("x".repeat(201))).isInstanceOf(NpsException.class).hasMessageContaining("responseId");
    }

    @Test
    @DisplayName("eight threads adding the same tags at once store each tag once and count it once")
    void concurrentAdds() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> added = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<Integer> add = () -> {
                    start.await();
                    return tags.add("r-1", Set.of("a", "b", "c", "d"));
                };
                added.add(pool.submit(add));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : added) {
                total += f.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(4);
            assertThat(tags.tagsOf("r-1")).containsExactly("a", "b", "c", "d");
        } finally {
            pool.shutdownNow();
        }
    }
}
