package dev.nps.cli.examples;

import dev.nps.cli.internal.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes {@code examples/nps-export.csv}: a realistic survey-tool export, the same bytes for the same seed.
 *
 * <p>Two years of responses (2024-2025) with three segments that really differ (plan, region, channel), a rising
 * trend with a dip in September 2024 (a simulated outage), comments that fit the score (some with commas, quotes and
 * line breaks), an account column that is an id, and a few messy rows as real exports have: blank scores, "ten",
 * 11 and 7.5. Run it with {@code java -cp nps-cli/target/nps.jar dev.nps.cli.examples.ExampleExportGenerator
 * [FILE] [ROWS] [SEED]}.
 */
public final class ExampleExportGenerator {
    /** Default number of data rows. {@value} */
    public static final int DEFAULT_ROWS = 3000;
    /** Default seed. {@value} */
    public static final long DEFAULT_SEED = 20240101L;

    static final List<String> HEADERS = List.of("Response ID", "Submitted At", "Account",
            "How likely are you to recommend Acme to a friend or colleague? (0-10)",
            "What is the main reason for your score?", "Plan", "Region", "Channel");

    private static final String[] PLANS = {"Free", "Pro", "Enterprise"};
    private static final double[] PLAN_SHARE = {0.5, 0.35, 0.15};
    private static final double[] PLAN_EFFECT = {-0.8, 0.1, 0.9};
    private static final String[] REGIONS = {"EMEA", "North America", "APAC", "LATAM"};
    private static final double[] REGION_SHARE = {0.4, 0.35, 0.15, 0.1};
    private static final double[] REGION_EFFECT = {0.15, 0.3, -0.7, -0.1};
    private static final String[] CHANNELS = {"email", "in-app", "sms"};
    private static final double[] CHANNEL_SHARE = {0.6, 0.3, 0.1};
    private static final double[] CHANNEL_EFFECT = {0.0, 0.4, -0.6};

    private static final String[] PROMOTER = {
        "Reports save me hours every week.",
        "Setup took ten minutes, and support answered within the hour.",
        "Love the new dashboard",
        "Easy to use, reliable, fair price.",
        "The team actually listens to feedback.",
        "Best tool we have adopted this year",
        "Our whole team uses it daily, no training needed.",
        "Integrations with our CRM just work",
        "Great support, great product",
        "It does exactly what it says. \"Set and forget\", as promised."};
    private static final String[] PASSIVE = {
        "Does the job, but the export is clunky.",
        "Good, though the mobile app is slow",
        "Fine. Pricing went up, though.",
        "Solid, but I miss a few reports we had in our old tool",
        "Works well most of the time; the occasional sync delay is annoying.",
        "Decent value",
        "Onboarding was OK, documentation could be clearer.",
        "Nice product, support is slow to reply"};
    private static final String[] DETRACTOR = {
        "Export keeps failing, and nobody replied to my ticket.",
        "Too expensive for what it does",
        "Sync broke after the last update.\nHad to redo a week of work.",
        "The \"smart\" alerts are pure noise.",
        "Slow, buggy, and the UI changes every month",
        "Support closed my ticket without fixing anything",
        "Lost data during the outage. Still waiting for an explanation.",
        "Missing basic features: no SSO, no audit log, no API limits you can see",
        "Billing charged us twice; took three weeks to get a refund"};
    private static final String[] ADD_ON = {
        "", "", "", "", " Thanks!", " Keep it up.", " Please fix the mobile app.",
        "\nP.S. the new pricing page is confusing", " (We are on the annual contract.)"};

    private ExampleExportGenerator() {}

    /**
     * Writes the example export.
     *
     * @param args {@code [FILE] [ROWS] [SEED]}; defaults {@code examples/nps-export.csv}, {@value #DEFAULT_ROWS},
     *             {@value #DEFAULT_SEED}
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "examples/nps-export.csv");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ROWS;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            write(w, rows, seed);
        }
        System.out.println("wrote " + rows + " rows to " + out + " (seed " + seed + ")");
    }

    /**
     * Writes the export to a writer.
     *
     * @param out  where to write; not closed
     * @param rows data rows to write, at least 1
     * @param seed the random seed; the same seed gives the same text
     * @throws IOException when writing fails
     */
    public static void write(Writer out, int rows, long seed) throws IOException {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1 (got " + rows + ")");
        }
        Random random = new Random(seed);
        Instant start = LocalDate.of(2024, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = LocalDate.of(2026, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long span = ChronoUnit.SECONDS.between(start, end);
        long[] times = new long[rows];
        for (int i = 0; i < rows; i++) {
            // More responses later on, as the customer base grows: density (1 + x) / 1.5 on [0, 1], by inverse CDF.
            double x = Math.sqrt(1 + 3 * random.nextDouble()) - 1;
            times[i] = Math.max(0, Math.min(span - 1, (long) (span * x)));
        }
        Arrays.sort(times);

        CsvWriter csv = new CsvWriter(out, ',', "\r\n");
        csv.write(HEADERS);
        List<Integer> messy = new ArrayList<>();
        while (messy.size() < Math.min(16, rows)) {
            int row = random.nextInt(rows);
            if (!messy.contains(row)) {
                messy.add(row);
            }
        }
        for (int i = 0; i < rows; i++) {
            Instant at = start.plusSeconds(times[i]);
            double t = (double) times[i] / span;
            int plan = pick(random, PLAN_SHARE);
            int region = pick(random, REGION_SHARE);
            int channel = pick(random, CHANNEL_SHARE);
            LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
            double outage = day.getYear() == 2024 && day.getMonthValue() == 9 ? -1.3 : 0;
            double mean = 7.7 + PLAN_EFFECT[plan] + REGION_EFFECT[region] + CHANNEL_EFFECT[channel] + 1.0 * t + outage;
            int score = (int) Math.max(0, Math.min(10, Math.round(mean + random.nextGaussian() * 2.2)));
            if (random.nextDouble() < 0.03) {
                score = random.nextInt(3); // the few who are furious whatever the averages say
            }

            String scoreText = String.valueOf(score);
            int m = messy.indexOf(i);
            if (m >= 0) {
                scoreText = m < 10 ? "" : m < 13 ? "ten" : m < 15 ? "11" : "7.5";
            }
            String comment = comment(random, score);
            csv.write(List.of(
                    String.format(Locale.ROOT, "R-%06d", i + 1),
                    at.toString(),
                    String.format(Locale.ROOT, "ACC-%05d", 10000 + random.nextInt(1800)),
                    scoreText,
                    comment,
                    PLANS[plan],
                    REGIONS[region],
                    CHANNELS[channel]));
        }
    }

    private static String comment(Random random, int score) {
        String[] pool = score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
        double answerRate = score <= 6 ? 0.8 : score <= 8 ? 0.5 : 0.6;
        if (random.nextDouble() >= answerRate) {
            return "";
        }
        return pool[random.nextInt(pool.length)] + ADD_ON[random.nextInt(ADD_ON.length)];
    }

    private static int pick(Random random, double[] shares) {
        double u = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            if (u < sum) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
