package dev.prodet.tests.console.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both paths are given to Selenium, so Selenium
 * Manager never looks for (or downloads) a driver or a browser. Without the packages the tests are skipped on a
 * developer machine and fail in CI ({@code CI} set), where {@code .ci/run} installs them.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A fresh browser (new, empty profile in {@code profile}) with a 1280×900 window. */
    public static Browser start(Path profile) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "Debian's chromium and chromium-driver are not installed (apt-get install chromium "
                + "chromium-driver)";
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException(missing + "; .ci/run installs them");
        }
        Assumptions.assumeTrue(installed, missing);
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the flags that work as root on a machine without network or GPU (java-maven machine notes)
        options.addArguments(List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** The driver. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a URL. */
    public void open(String url) {
        driver.get(url);
    }

    /** An element by id. */
    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /**
     * Waits until the condition holds (or fails after {@code timeout} with the page's status line). A page that
     * re-renders a table while the condition reads it leaves stale elements behind; that is "not yet", not a failure.
     */
    public <T> T until(String what, Duration timeout, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, timeout)
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> what + "; the page says: '" + statusLine() + "'")
                .until(condition);
    }

    /** What the page says: its status line and every message or error shown, for failure reports. */
    private String statusLine() {
        try {
            StringBuilder sb = new StringBuilder();
            for (WebElement e : driver.findElements(By.cssSelector("#status, .message, .error"))) {
                if (e.isDisplayed() && !e.getText().isBlank()) {
                    sb.append(sb.length() == 0 ? "" : " | ").append(e.getText());
                }
            }
            return sb.toString();
        } catch (RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Saves a screenshot of the window as {@code docs/NAME.png} of the repository (the README shows them). */
    public Path screenshot(String name) throws IOException {
        Path repo = Path.of(System.getProperty("prodet.repo", "../.."))
                .toAbsolutePath()
                .normalize();
        Path file = repo.resolve("docs").resolve(name + ".png");
        Files.createDirectories(file.getParent());
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
