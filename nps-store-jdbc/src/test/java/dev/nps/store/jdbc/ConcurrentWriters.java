package dev.nps.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.Response;
import dev.nps.spi.InsertResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two store instances with two pools, as two application instances would have, write 10,000 submissions at
 * once from several threads. Some submissions repeat a response (same id) and some answer an invitation that
 * another response already answers. Nothing may be lost and nothing stored twice.
 */
abstract class ConcurrentWriters {
    private static final int SUBMISSIONS = 10_000;
    private static final int DISTINCT_RESPONSES = 8_000;
    private static final int INVITATIONS = 6_000;
    private static final int THREADS_PER_STORE = 4;

    @TempDir
    Path dir;

    abstract TestDatabase.Kind kind();

    @Test
    void twoInstancesLoseNoResponseAndStoreNoneTwice() throws Exception {
        Random random = new Random(42);
        Instant t = Instant.parse("2026-02-01T00:00:00Z");
        List<Response> distinct = new ArrayList<>();
        for (int i = 0; i < DISTINCT_RESPONSES; i++) {
            Response.Builder b = Response.builder("s1", random.nextInt(11)).id("r-" + i).answeredAt(t.plusSeconds(i))
                    .attribute("plan", "p" + (i % 3));
            if (i % 10 != 0) { // every tenth response comes without an invitation (a web response)
                b.invitation("inv-" + random.nextInt(INVITATIONS));
            }
            distinct.add(b.build(t));
        }
        List<Response> submissions = new ArrayList<>(distinct);
        while (submissions.size() < SUBMISSIONS) {
            submissions.add(distinct.get(random.nextInt(DISTINCT_RESPONSES))); // a re-submission of the same response
        }
        Collections.shuffle(submissions, random);
        ConcurrentLinkedQueue<Response> queue = new ConcurrentLinkedQueue<>(submissions);

        try (TestDatabase db = TestDatabase.create(kind(), dir);
             JdbcStore a = db.store().poolSize(THREADS_PER_STORE).build();
             JdbcStore b = db.store().poolSize(THREADS_PER_STORE).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_STORE);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<InsertResult>>> futures = new ArrayList<>();
            for (int i = 0; i < 2 * THREADS_PER_STORE; i++) {
                JdbcStore store = i % 2 == 0 ? a : b;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<InsertResult> results = new ArrayList<>();
                    for (Response r; (r = queue.poll()) != null; ) {
                        InsertResult result = store.insertResponse(r);
                        results.add(result);
                        assertConsistent(r, result);
                    }
                    return results;
                }));
            }
            start.countDown();
            Map<InsertResult.Status, Integer> counts = new EnumMap<>(InsertResult.Status.class);
            Set<String> insertedIds = new HashSet<>();
            for (Future<List<InsertResult>> f : futures) {
                for (InsertResult r : f.get(5, TimeUnit.MINUTES)) {
                    counts.merge(r.status(), 1, Integer::sum);
                    if (r.status() == InsertResult.Status.INSERTED) {
                        assertThat(insertedIds.add(r.stored().id())).as("inserted twice: %s", r.stored().id()).isTrue();
                    }
                }
            }
            pool.shutdown();

            // What must be stored: one response per invitation, plus every response without one.
            Set<String> invitations = new HashSet<>();
            int withoutInvitation = 0;
            for (Response r : distinct) {
                if (r.invitationId().isPresent()) {
                    invitations.add(r.invitationId().get());
                } else {
                    withoutInvitation++;
                }
            }
            int expectedRows = invitations.size() + withoutInvitation;
            assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(SUBMISSIONS);
            assertThat(counts.get(InsertResult.Status.INSERTED)).isEqualTo(expectedRows);
            assertThat(insertedIds).hasSize(expectedRows);
            assertThat(counts.get(InsertResult.Status.SAME_ID_EXISTS)).isPositive();
            assertThat(counts.get(InsertResult.Status.INVITATION_ANSWERED)).isPositive();

            try (Connection c = db.connect()) {
                assertThat(single(c, "SELECT COUNT(*) FROM nps_responses")).isEqualTo(expectedRows);
                assertThat(single(c, "SELECT COUNT(DISTINCT invitation_id) FROM nps_responses")).isEqualTo(invitations.size());
                assertThat(single(c, "SELECT COUNT(*) FROM nps_response_attributes")).isEqualTo(expectedRows);
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM nps_responses"); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assertThat(insertedIds).contains(rs.getString(1));
                    }
                }
                // every submission is accounted for: its id or its invitation is stored
                for (Response r : distinct) {
                    assertThat(a.findResponse(r.id()).isPresent()
                            || r.invitationId().flatMap(a::findResponseByInvitation).isPresent()).isTrue();
                }
            }
        }
    }

    private static void assertConsistent(Response submitted, InsertResult result) {
        switch (result.status()) {
            case INSERTED -> assertThat(result.stored()).isEqualTo(submitted);
            case SAME_ID_EXISTS -> assertThat(result.stored().id()).isEqualTo(submitted.id());
            case INVITATION_ANSWERED -> {
                assertThat(result.stored().invitationId()).isEqualTo(submitted.invitationId());
                assertThat(result.stored().id()).isNotEqualTo(submitted.id());
            }
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
