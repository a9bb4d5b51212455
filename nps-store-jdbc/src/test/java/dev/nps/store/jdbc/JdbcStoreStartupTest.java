package dev.nps.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.spi.NpsStore;
import dev.nps.spi.PluginConfig;
import dev.nps.spi.StoreProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the store: the embedded default, discovery, configuration errors and an unreachable database. */
class JdbcStoreStartupTest {
    @TempDir
    Path dir;

    @Test
    void embeddedStoreKeepsItsDataInTheFolderAcrossRestarts() {
        Response r = Response.builder("s1", 9).id("r-1").build(Instant.parse("2026-01-01T00:00:00Z"));
        try (JdbcStore store = JdbcStore.embedded(dir.resolve("data"))) {
            store.insertResponse(r);
            assertThat(store.describe()).startsWith("jdbc:h2:file:").contains("data");
        }
        assertThat(dir.resolve("data").resolve("nps.mv.db")).exists();
        try (JdbcStore store = JdbcStore.embedded(dir.resolve("data"))) {
            assertThat(store.findResponse("r-1")).contains(r);
        }
    }

    @Test
    void withNothingConfiguredTheEmbeddedDatabaseIsInNpsDataUnderTheWorkingDirectory() throws Exception {
        Path defaultFolder = Path.of(JdbcStore.DEFAULT_FOLDER).toAbsolutePath();
        boolean existed = Files.exists(defaultFolder);
        try (NpsStore store = ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("jdbc")).findFirst().orElseThrow().create(PluginConfig.empty())) {
            assertThat(store.describe()).isEqualTo("jdbc:h2:file:" + defaultFolder.resolve("nps").toString().replace('\\', '/'));
            assertThat(store.countResponses(ResponseFilter.ALL)).isGreaterThanOrEqualTo(0);
        } finally {
            if (!existed) {
                try (Stream<Path> files = Files.walk(defaultFolder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    void theProviderIsFoundByServiceLoaderAndReadsItsKeys() {
        List<StoreProvider> providers = ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(providers).extracting(StoreProvider::name).contains("jdbc");

        PluginConfig config = PluginConfig.of("nps.store.jdbc", Map.of(
                "nps.store.jdbc.url", "jdbc:h2:file:" + dir.resolve("cfg").toAbsolutePath(),
                "nps.store.jdbc.tablePrefix", "acme_",
                "nps.store.jdbc.poolSize", "3"));
        try (NpsStore store = new JdbcStoreProvider().create(config)) {
            store.insertResponse(Response.builder("s1", 7).id("r").build(Instant.EPOCH));
            assertThat(store.countResponses(ResponseFilter.ALL)).isEqualTo(1);
        }
    }

    @Test
    void theProviderReportsEveryConfigurationProblemAtOnce() {
        PluginConfig config = PluginConfig.of("nps.store.jdbc", Map.of(
                "nps.store.jdbc.url", "jdbc:oracle:thin:@db:1521/x",
                "nps.store.jdbc.folder", "somewhere",
                "nps.store.jdbc.tablePrefix", "Bad Prefix;",
                "nps.store.jdbc.poolSize", "lots",
                "nps.store.jdbc.migrate", "perhaps"));

        assertThatThrownBy(() -> new JdbcStoreProvider().create(config))
                .isInstanceOf(NpsException.class)
                .hasMessageContaining("nps.store.jdbc.folder")
                .hasMessageContaining("nps.store.jdbc.tablePrefix")
                .hasMessageContaining("nps.store.jdbc.poolSize")
                .hasMessageContaining("nps.store.jdbc.migrate")
                .extracting(e -> ((NpsException) e).code()).isEqualTo(ErrorCode.CONFIGURATION);
    }

    @Test
    void anUnsupportedUrlIsAConfigurationErrorNamingTheSupportedOnes() {
        assertThatThrownBy(() -> JdbcStore.connect("jdbc:sqlite:x.db", null, null))
                .isInstanceOf(NpsException.class)
                .hasMessageContaining("jdbc:postgresql:")
                .extracting(e -> ((NpsException) e).code()).isEqualTo(ErrorCode.CONFIGURATION);
    }

    @Test
    void aPostgresServerThatIsDownIsAStoreFailureNamingTheUrlWithoutThePassword() {
        assertThatThrownBy(() -> JdbcStore.connect("jdbc:postgresql://127.0.0.1:1/test?user=nps&password=hunter2", "nps", "hunter2"))
                .isInstanceOf(NpsException.class)
                .satisfies(e -> {
                    assertThat(((NpsException) e).code()).isEqualTo(ErrorCode.STORE_FAILURE);
                    assertThat(e.getMessage()).contains("jdbc:postgresql://127.0.0.1:1/test?user=nps&password=***")
                            .contains("running").doesNotContain("hunter2");
                });
    }

    @Test
    void aMariaDbServerThatIsDownIsAStoreFailureNamingTheUrlWithoutThePassword() {
        assertThatThrownBy(() -> JdbcStore.connect("jdbc:mariadb://127.0.0.1:1/test?user=root&password=hunter2", "root", "hunter2"))
                .isInstanceOf(NpsException.class)
                .satisfies(e -> {
                    assertThat(((NpsException) e).code()).isEqualTo(ErrorCode.STORE_FAILURE);
                    assertThat(e.getMessage()).contains("jdbc:mariadb://127.0.0.1:1/test?user=root&password=***").doesNotContain("hunter2");
                });
    }

    @Test
    void anApplicationDataSourceStaysOpenWhenTheStoreCloses() {
        try (HikariDataSource app = new HikariDataSource()) {
            app.setJdbcUrl("jdbc:h2:file:" + dir.resolve("app").toAbsolutePath());
            JdbcStore store = JdbcStore.using(app);
            assertThat(store.describe()).contains("application DataSource");
            store.close();
            assertThat(app.isClosed()).isFalse();
        }
    }

    @Test
    void choosingTwoConnectionSourcesIsRefusedAtOnce() {
        assertThatThrownBy(() -> JdbcStore.builder().url("jdbc:h2:mem:x").embedded(dir))
                .isInstanceOf(NpsException.class).hasMessageContaining("url jdbc:h2:mem:x");
    }

    @Test
    void masksPasswordsInEveryUrlShape() {
        assertThat(Redaction.maskUrl("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(Redaction.maskUrl("jdbc:h2:file:/x;USER=sa;PASSWORD=s3cret;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/x;USER=sa;PASSWORD=***;MODE=PostgreSQL");
        assertThat(Redaction.maskUrl("jdbc:mysql://u:s3cret@h:3306/db")).isEqualTo("jdbc:mysql://u:***@h:3306/db");
        assertThat(Redaction.maskMessage("login for u with s3cret failed", "s3cret")).doesNotContain("s3cret");
    }
}
