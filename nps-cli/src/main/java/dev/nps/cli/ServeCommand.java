package dev.nps.cli;

import dev.nps.engine.NpsEngine;
import dev.nps.http.dashboard.Dashboard;
import dev.nps.http.dashboard.DashboardThemes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nps serve --store URL --port N}: the live dashboard over a store, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the live NPS dashboard over a store. Prints the address to open (with its access token).",
        footer = {"", "Exit codes: 0 ok, 1 unexpected failure, 2 bad usage or unusable input."})
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 for any).")
    int port;

    @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; put a TLS proxy in front for other hosts).")
    String bind;

    @Option(names = "--token-env", paramLabel = "VAR", defaultValue = "NPS_DASHBOARD_TOKEN",
            description = "Environment variable holding the access token (default: ${DEFAULT-VALUE}); "
                    + "a random token is generated and printed when it is unset.")
    String tokenEnv;

    @Option(names = "--segment", paramLabel = "KEY", description = "Attribute offered as a segment (repeatable).")
    List<String> segments = new ArrayList<>();

    @Option(names = "--themes", description = "Also show the themes found in the comments: discovered from up to 200,000"
            + " comments (seconds on a large store) and reused for ten minutes per period and segment.")
    boolean themes;

    /** Test hook: start, print, stop. */
    @Option(names = "--exit-after-start", hidden = true)
    boolean exitAfterStart;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws InterruptedException {
        CommandLine cl = spec.commandLine();
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(cl, "--port must be 0..65535 (got " + port + ")");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new CommandLine.ParameterException(cl, "--bind '" + bind + "' is not an address of this machine");
        }
        String token = System.getenv(tokenEnv);
        boolean generated = token == null || token.isBlank();
        if (generated) {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
        }
        NpsEngine engine = store.open(clock);
        Dashboard dashboard;
        try {
            Dashboard.Builder b = Dashboard.builder(engine).segments(segments.toArray(String[]::new)).token(token)
                    .bind(new InetSocketAddress(address, port));
            if (themes) {
                b.themes(DashboardThemes.of(EngineThemes.of(engine).cachedFor(Duration.ofMinutes(10), clock)));
            }
            dashboard = b.start();
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        cl.getOut().println("NPS dashboard over " + store.describe() + " at " + dashboard.uri());
        cl.getOut().println("Open: " + dashboard.loginUri());
        if (generated) {
            cl.getOut().println("(token generated for this run; set " + tokenEnv + " to keep one)");
        }
        cl.getOut().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            dashboard.close();
            engine.close();
            stopped.countDown();
        }, "nps-serve-shutdown");
        if (exitAfterStart) {
            hook.run();
            return 0;
        }
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return 0;
    }
}
