package dev.nps.cli;

import com.sun.net.httpserver.HttpServer;
import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Survey;
import dev.nps.channels.email.EmailChannel;
import dev.nps.channels.email.SmtpSecurity;
import dev.nps.channels.email.SmtpSettings;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.reports.HtmlReport;
import dev.nps.engine.reports.NpsReport;
import dev.nps.engine.reports.ReportBuilder;
import dev.nps.engine.reports.WeeklyReportJob;
import dev.nps.engine.alerts.AlertMonitor;
import dev.nps.engine.alerts.DetractorRule;
import dev.nps.engine.alerts.NpsDropRule;
import dev.nps.engine.integrations.EventPublisher;
import dev.nps.engine.json.NpsJson;
import dev.nps.engine.workflow.Cases;
import dev.nps.engine.workflow.Workflow;
import dev.nps.api.Event;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.engine.dispatch.InvitationResult;
import dev.nps.http.NpsHttpServer;
import dev.nps.http.dashboard.Dashboard;
import dev.nps.http.dashboard.DashboardThemes;
import dev.nps.http.dashboard.WorkflowCases;
import dev.nps.engine.reports.TextThemes;
import dev.nps.spi.Alert;
import dev.nps.spi.Delivery;
import dev.nps.spi.SendOutcome;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nps demo}: the whole loop with no set-up. A survey and a few hundred contacts; invitations sent by the email
 * channel into an in-process SMTP sink (every message also an .eml file); simulated respondents open the link in
 * their email and answer over HTTP with comments; the dashboard and the HTML report show the result.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole NPS loop on this machine with no set-up: invitations by email into a local SMTP",
            "sink (.eml files), simulated respondents answering over HTTP, then the report and the dashboard."},
        footer = {"", "Exit codes: 0 ok, 1 unexpected failure, 2 bad usage."})
final class DemoCommand implements Callable<Integer> {
    static final String SURVEY = "post-purchase";
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/r/[A-Za-z0-9_.~%-]+\\?score=\\d+");
    private static final String[] PLANS = {"free", "pro", "enterprise"};
    private static final String[] REGIONS = {"emea", "americas", "apac"};
    private static final String[][] COMMENTS = {
        {"Delivery was late and nobody answered my emails", "Too expensive for what you get",
            "The checkout kept failing on my phone", "Support took a week to reply", "Item arrived damaged"},
        {"Good product, but shipping was slow", "Fine overall; the app could be simpler", "Decent value",
            "Okay, though the invoice was confusing"},
        {"Fast delivery and friendly support", "Great value for the price", "Exactly what I needed, thank you",
            "Support solved my problem in minutes", "Love the new app"}};

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "FOLDER", defaultValue = "nps-demo",
            description = "Where the .eml files and the report go (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--contacts", paramLabel = "N", defaultValue = "300", description = "How many customers (default: ${DEFAULT-VALUE}).")
    int contacts;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed of the simulated answers.")
    long seed;

    @Option(names = "--serve", description = "Keep the dashboard running after the demo until Ctrl-C.")
    boolean serve;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (contacts < 10 || contacts > 5000) {
            throw new CommandLine.ParameterException(cl, "--contacts must be 10..5000 (got " + contacts + ")");
        }
        PrintWriter out = cl.getOut();
        Path mail = dir.resolve("mail");
        Files.createDirectories(dir);
        Instant realNow = Instant.now();
        // Purchases over eight weeks ending five days ago, so every invitation (3 days later) and answer (within 2 days)
        // lies in the past.
        Instant start = realNow.minus(Duration.ofDays(61));
        DemoClock clock = new DemoClock(start);
        Random random = new Random(seed);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);

        try (SmtpSink smtp = new SmtpSink(mail)) {
            // As the dashboard does: without TCP_NODELAY each answer waits ~40 ms for a delayed ACK.
            if (System.getProperty("sun.net.httpserver.nodelay") == null) {
                System.setProperty("sun.net.httpserver.nodelay", "true");
            }
            HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            URI base = URI.create("http://127.0.0.1:" + web.getAddress().getPort() + "/");
            SmtpSettings settings = SmtpSettings.builder().host("127.0.0.1").port(smtp.port()).security(SmtpSecurity.NONE)
                    .from("nps@demo.example").postalAddress("Demo Ltd, 1 Example Street, 12345 Example City").brandName("Demo Ltd").build();
            EmailChannel email = EmailChannel.smtp(settings);
            NpsEngine engine = NpsEngine.builder().inMemoryStore().discoverProviders(false).clock(clock).channel(email)
                    .responseLinks(base).build();
            // nps-http's response pages behind the links; GETs of a score link are counted as opens.
            NpsHttpServer pages = NpsHttpServer.builder().linkResponses(engine.dispatch().linkResponses().orElseThrow())
                    .clock(clock).build();
            AtomicLong opened = new AtomicLong();
            web.createContext("/", exchange -> {
                if (exchange.getRequestMethod().equals("GET") && exchange.getRequestURI().getPath().startsWith("/r/")) {
                    opened.incrementAndGet();
                }
                pages.handler().handle(exchange);
            });
            // The closed loop: a case per detractor (round robin over three owners), alerts on detractors who
            // left a comment and on significant weekly drops by plan.
            Cases cases = Cases.of(engine, EventPublisher.NONE);
            engine.responses().addListener(Workflow.builder().cases(cases).survey(SURVEY).roundRobin("ann", "bob", "chen")
                    .sla(Duration.ofDays(2)).build());
            List<Alert> alerts = new java.util.concurrent.CopyOnWriteArrayList<>();
            AlertMonitor monitor = AlertMonitor.builder().engine(engine).publisher(alerts::add)
                    .rule(DetractorRule.named("detractor-with-comment").survey(SURVEY).withComment().build())
                    .rule(NpsDropRule.named("weekly-drop").survey(SURVEY).segmentBy("plan").build())
                    .build();
            engine.responses().addListener(monitor);
            web.start();
            try {
                Survey survey = engine.surveys().define(SURVEY)
                        .question("How likely are you to recommend Demo Ltd to a friend or colleague?")
                        .followUp(Category.DETRACTOR, "What should we fix first?")
                        .sendVia(ChannelName.EMAIL).triggeredBy("order.completed").after(Duration.ofDays(1)).save();
                out.println("nps demo: survey '" + SURVEY + "', " + contacts + " customers, 8 weeks of purchases");
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                Progress progress = new Progress(out, contacts);
                long invited = 0;
                long sent = 0;
                long failed = 0;
                String[] plans = new String[contacts];
                String[] regions = new String[contacts];
                Instant[] purchases = new Instant[contacts];
                for (int i = 0; i < contacts; i++) {
                    plans[i] = PLANS[random.nextInt(PLANS.length)];
                    regions[i] = REGIONS[random.nextInt(REGIONS.length)];
                    engine.contacts().upsert(Contact.of(String.format(Locale.ROOT, "cust-%04d", i))
                            .email(String.format(Locale.ROOT, "customer%04d@demo.example", i)).attribute("plan", plans[i])
                            .attribute("region", regions[i]).consent(ChannelName.EMAIL, true).build());
                    // Purchases at an even pace over eight weeks; the survey invites a day later. (Not three days: the
                    // dispatcher drops an invitation older than its maximum age, 3 days counted from its creation
                    // at the event, so a 3-day delay loses every message quiet hours hold back.)
                    purchases[i] = start.plus(Duration.ofMinutes((long) i * 56 * 24 * 60 / contacts));
                }
                // Simulated time moves forward an hour at a time (the clock never goes back): purchases are
                // published, the dispatcher sends what is due (quiet hours hold some until the morning), and each
                // customer reads their email some hours later.
                java.util.PriorityQueue<Pending> pending = new java.util.PriorityQueue<>(java.util.Comparator.comparing(Pending::at));
                int next = 0;
                int seen = 0;
                for (Instant t = start; t.isBefore(realNow); t = t.plus(Duration.ofHours(1))) {
                    clock.set(t);
                    while (next < contacts && !purchases[next].isAfter(t)) {
                        invited += engine.events().publish(Event.of("order.completed", String.format(Locale.ROOT, "order-%04d", next),
                                String.format(Locale.ROOT, "cust-%04d", next), purchases[next])).stream()
                                .filter(r -> r.outcome() == InvitationResult.Outcome.CREATED).count();
                        next++;
                    }
                    engine.dispatch().runOnce();
                    List<Path> mails = smtp.messages();
                    for (; seen < mails.size(); seen++) {
                        int who = recipient(mails.get(seen));
                        sent++;
                        pending.add(new Pending(t.plus(Duration.ofMinutes(30 + random.nextInt(36 * 60))), mails.get(seen), who));
                    }
                    while (!pending.isEmpty() && !pending.peek().at().isAfter(t)) {
                        Pending p = pending.poll();
                        respond(http, p.mail(), plans[p.contact()], regions[p.contact()], random);
                    }
                    progress.step((int) Math.min(contacts, sent), "sent " + sent + ", opened " + opened.get());
                }
                failed = invited - sent;
                clock.set(realNow);
                progress.done();
                monitor.runOnce();
                Path alertsFile = dir.resolve("alerts.json");
                Files.writeString(alertsFile, NpsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(alerts),
                        StandardCharsets.UTF_8);

                TextThemes themes = EngineThemes.of(engine);
                long answered = engine.responses().count(ResponseFilter.builder().survey(SURVEY).build());
                NpsReport.Funnel funnel = new NpsReport.Funnel(invited, sent, Optional.of(opened.get()), answered);
                NpsReport report = ReportBuilder.over(engine.analytics(), clock).title("Demo Ltd: NPS after purchase")
                        .survey(SURVEY).segmentBy("plan", "region").themes(themes)
                        .funnel((s, f, t) -> funnel).build();
                Path html = dir.resolve("report.html");
                Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
                int mailsBefore = smtp.messages().size();
                new WeeklyReportJob(() -> ReportBuilder.over(engine.analytics(), clock).survey(SURVEY).segmentBy("plan"),
                        new SmtpReportMailer("127.0.0.1", smtp.port(), "nps@demo.example"), List.of("team@demo.example"),
                        clock, ZoneOffset.UTC).runOnce();

                NpsReport.Figure o = report.overall();
                out.printf(Locale.ROOT, "%nNPS %.1f (95%% interval %.1f to %.1f) from %d responses%n", o.nps(), o.low(), o.high(),
                        o.responses());
                out.printf(Locale.ROOT, "  funnel: %d invited, %d delivered, %d opened, %d answered (%.1f%%)%n", funnel.invited(),
                        funnel.delivered(), funnel.opened().orElse(0L), funnel.answered(), funnel.responseRate());
                report.themes().stream().limit(3).forEach(t -> out.printf(Locale.ROOT, "  theme '%s': %d mentions, impact %+.1f points%n",
                        t.theme(), t.mentions(), t.impact()));
                report.segments().stream().filter(NpsReport.SegmentRow::significant).forEach(r -> out.printf(Locale.ROOT,
                        "  %s = %s: NPS %.1f, %+.1f points vs the rest (significant)%n", r.key(), r.value(), r.figure().nps(),
                        r.difference()));
                out.println();
                out.println("Where everything went:");
                out.println("  invitation emails: " + mailsBefore + " .eml files in " + mail.toAbsolutePath() + (failed > 0
                        ? " (" + failed + " sends failed)" : ""));
                out.println("  weekly summary email: " + (smtp.messages().size() - mailsBefore) + " .eml file in the same folder");
                out.println("  responses: in memory (the demo's store), answered on nps-http's response pages at " + base + "r/...");
                out.println("  HTML report: " + html.toAbsolutePath());
                out.println("  alerts: " + alerts.size() + " raised (" + alerts.stream().filter(a -> a.ruleId().equals("weekly-drop")).count()
                        + " weekly drops), written to " + alertsFile.toAbsolutePath());
                out.println("  cases: " + cases.list().size() + " follow-up cases opened for detractors (owners ann, bob, chen)");
                out.println("  path: order.completed events -> dispatch outbox (1 day later) -> email channel -> SMTP sink ->");
                out.println("        respondent opens the score link (GET shows the page) -> POST records -> alerts, cases, report");
                if (serve) {
                    String token = HexFormat.of().formatHex(secret, 0, 16);
                    Dashboard dashboard = Dashboard.builder(engine).segments("plan", "region").token(token)
                            .cases(WorkflowCases.source(cases)).themes(DashboardThemes.of(themes)).start();
                    out.println("  dashboard: " + dashboard.loginUri() + "  (Ctrl-C to stop)");
                    out.flush();
                    CountDownLatch stop = new CountDownLatch(1);
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        dashboard.close();
                        stop.countDown();
                    }));
                    stop.await();
                } else {
                    out.println("  dashboard: run nps demo --serve to keep it open");
                }
                out.flush();
            } finally {
                web.stop(0);
                engine.close();
            }
        }
        return 0;
    }

    /** A simulated customer: reads the invitation, maybe opens the link for their score, maybe answers with a comment. */
    private void respond(HttpClient http, Path eml, String plan, String region, Random random)
            throws IOException, InterruptedException {
        if (random.nextDouble() > 0.7) {
            return; // never opened the email
        }
        double mood = 7.2 + (plan.equals("enterprise") ? 1.4 : plan.equals("pro") ? 0.6 : -0.9)
                + (region.equals("apac") ? -0.8 : 0) + random.nextGaussian() * 2.2;
        int score = (int) Math.max(0, Math.min(10, Math.round(mood)));
        URI link = linkFor(eml, score);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || random.nextDouble() > 0.8) {
            return; // opened, did not answer
        }
        Category category = dev.nps.api.Score.of(score).category();
        String[] pool = COMMENTS[category.ordinal()];
        String comment = random.nextDouble() < 0.65 ? pool[random.nextInt(pool.length)] : "";
        String form = "score=" + score + "&comment=" + URLEncoder.encode(comment, StandardCharsets.UTF_8);
        // The page's form posts to the token without the query, as a browser would.
        URI action = link.resolve(link.getRawPath());
        http.send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** A customer who will read their invitation at a time. */
    private record Pending(Instant at, Path mail, int contact) {}

    /** The customer number of an invitation email, from its recipient address. */
    private static int recipient(Path eml) throws IOException {
        Matcher m = Pattern.compile("customer(\\d{4})@demo\\.example").matcher(Files.readString(eml, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IOException("demo email " + eml.getFileName() + " is not addressed to a demo customer");
        }
        return Integer.parseInt(m.group(1));
    }

    /** Reads the score links out of the email as a mail client would (MIME decoded), in order 0..10. */
    static URI linkFor(Path eml, int score) throws IOException {
        String body;
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            body = text(m.getContent());
        } catch (jakarta.mail.MessagingException e) {
            throw new IOException("unreadable demo email " + eml.getFileName(), e);
        }
        java.util.LinkedHashSet<String> links = new java.util.LinkedHashSet<>();
        Matcher matcher = LINK.matcher(body);
        while (matcher.find()) {
            links.add(matcher.group());
        }
        if (links.size() != 11) {
            throw new IOException("demo email " + eml.getFileName() + " has " + links.size() + " score links, expected 11");
        }
        return URI.create(new ArrayList<>(links).get(score));
    }

    private static String text(Object content) throws IOException, jakarta.mail.MessagingException {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart mp) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart part = mp.getBodyPart(i);
                b.append(text(part.getContent())).append('\n');
            }
            return b.toString();
        }
        return "";
    }

    /** A clock the demo moves through eight simulated weeks. */
    static final class DemoClock extends Clock {
        private volatile Instant now;

        DemoClock(Instant start) {
            now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A one-line progress bar, redrawn in place. */
    static final class Progress {
        private final PrintWriter out;
        private final int total;
        private int lastPercent = -1;

        Progress(PrintWriter out, int total) {
            this.out = out;
            this.total = total;
        }

        void step(int done, String note) {
            int percent = (int) (100L * done / total);
            if (percent == lastPercent) {
                return;
            }
            lastPercent = percent;
            int filled = percent * 30 / 100;
            out.print("\r  [" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + String.format(Locale.ROOT, "%3d%%", percent)
                    + "  " + note + "   ");
            out.flush();
        }

        void done() {
            out.println();
        }
    }
}
