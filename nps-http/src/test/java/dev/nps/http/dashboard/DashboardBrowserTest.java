package dev.nps.http.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nps.api.ChannelName;
import dev.nps.api.Response;
import dev.nps.api.analytics.NpsResult;
import dev.nps.engine.NpsEngine;
import dev.nps.testkit.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard in headless Chromium: figures equal the engine's, filters apply, drill-down shows comments as text. */
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final SettableClock clock = new SettableClock(DashboardFixture.NOW);
    private NpsEngine engine;
    private Dashboard dashboard;
    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "headless browser test skipped: /usr/bin/chromium is missing "
                + "(apt-get install chromium chromium-driver)");
        assumeTrue(Files.isExecutable(DRIVER), "headless browser test skipped: /usr/bin/chromedriver is missing "
                + "(apt-get install chromium-driver)");
        engine = DashboardFixture.engine(clock);
        dashboard = Dashboard.builder(engine).segments("plan").token(DashboardFixture.TOKEN)
                .pollInterval(Duration.ofSeconds(1)).start();
        profile = Files.createTempDirectory("nps-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1600");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (profile != null) {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void showsTheEnginesFiguresFiltersDrillsDownAndFollowsNewResponses() throws Exception {
        // The page re-renders its segment table and score buttons on every poll (1 s here), so an element found a
        // moment ago can be replaced before it is clicked or read: waits retry on a stale element.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(dashboard.loginUri().toString());
        NpsResult month = engine.analytics().nps().last(Duration.ofDays(30)).run();
        wait.until(ExpectedConditions.textToBe(By.id("responses"), Long.toString(month.overall().responses())));
        assertThat(browser.findElement(By.id("nps")).getText()).isEqualTo(one(month.overall().nps()));
        assertThat(browser.findElement(By.id("interval")).getText())
                .contains(one(month.overall().interval().low())).contains(one(month.overall().interval().high()));

        new Select(browser.findElement(By.id("channel"))).selectByValue("sms");
        NpsResult sms = engine.analytics().nps().last(Duration.ofDays(30)).channel(ChannelName.SMS).run();
        wait.until(ExpectedConditions.textToBe(By.id("responses"), Long.toString(sms.overall().responses())));
        assertThat(browser.findElement(By.id("nps")).getText()).isEqualTo(one(sms.overall().nps()));
        NpsResult smsByPlan = engine.analytics().nps().last(Duration.ofDays(30)).channel(ChannelName.SMS).groupBy("plan").run();
        List<WebElement> rows = browser.findElements(By.cssSelector("#segments tr"));
        assertThat(rows).hasSize(smsByPlan.groups().size());

        new Select(browser.findElement(By.id("channel"))).selectByValue("");
        wait.until(ExpectedConditions.textToBe(By.id("responses"), Long.toString(month.overall().responses())));
        clickWhenPresent(wait, By.cssSelector("button.drill-segment"), "plan = pro");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#drill-list li.response"), 0));
        List<WebElement> items = browser.findElements(By.cssSelector("#drill-list li.response"));
        assertThat(items).hasSize(20);
        // The hostile comment is shown as text, not run: no alert, and no element was created from it.
        assertThat(items.get(0).findElement(By.className("comment")).getText()).isEqualTo(DashboardFixture.HOSTILE);
        assertThat(browser.findElements(By.cssSelector("#drill-list img"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#drill-list script"))).isEmpty();

        wait.until(d -> {
            d.findElement(By.cssSelector("#dist button[data-score='10']")).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("drill-title"), "Score 10"));
        wait.until(d -> d.findElements(By.cssSelector("#drill-list li.response .score")).stream()
                .allMatch(e -> e.getText().equals("10")) && !d.findElements(By.cssSelector("#drill-list li.response")).isEmpty());

        engine.responses().record(Response.builder("post-purchase", 10).id("live-1").attribute("plan", "pro")
                .answeredAt(clock.instant()).build(clock.instant()));
        wait.until(ExpectedConditions.textToBe(By.id("responses"), Long.toString(month.overall().responses() + 1)));
        NpsResult after = engine.analytics().nps().last(Duration.ofDays(30)).run();
        assertThat(browser.findElement(By.id("nps")).getText()).isEqualTo(one(after.overall().nps()));

        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Path shot = Path.of("target", "dashboard-screenshot.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, png);
        assertThat(png.length).isGreaterThan(10_000);
    }

    /** Clicks the element with that text, finding it again if a re-render replaced it between finding and clicking. */
    private static void clickWhenPresent(WebDriverWait wait, By locator, String text) {
        wait.until(d -> {
            WebElement button = d.findElements(locator).stream()
                    .filter(b -> b.getText().equals(text)).findFirst().orElse(null);
            if (button == null) {
                return false;
            }
            button.click();
            return true;
        });
    }

    private static String one(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
