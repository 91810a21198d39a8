package org.yibao.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the browser tests: Debian's Chromium and chromedriver from fixed paths, so
 * Selenium Manager never goes to the network; a throw-away profile; screenshots in
 * {@code target/screenshots/}. Close it after each test.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver browser;
    private final Path profile;

    /** Starts a browser with a window of the given size (a phone-sized one shows the portal's mobile layout). */
    public HeadlessChromium(int width, int height) throws IOException {
        // A missing browser is a broken test environment, not a reason to skip silently.
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium and chromedriver are needed at %s and %s: run `apt-get install chromium chromium-driver`",
                        CHROMIUM, CHROMEDRIVER)
                .isTrue();
        profile = Files.createTempDirectory("yibao-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=" + width + "," + height, "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public WebDriver driver() {
        return browser;
    }

    /** Signs in to the staff console at {@code base} and waits for the dashboard. */
    public void signInToConsole(String base, String username, String password) {
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlToBe(base + "/"));
    }

    /** Signs in to the insured portal as the person holding {@code certno} and waits for its home page. */
    public void signInToPortal(String base, String certno, String password) {
        browser.get(base + "/portal/login");
        browser.findElement(By.id("certno")).sendKeys(certno);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlToBe(base + "/portal"));
    }

    /**
     * Clicks the element {@code buttonId} (a form's submit button) and waits for the next page: the old
     * document gone, then the element {@code waitFor} present in the new one. Chromedriver reports an old
     * page's node either as stale or, when the document was already discarded, as "Node with given id does
     * not belong to the document"; both mean the page was replaced.
     */
    public void submitAndWait(String buttonId, String waitFor) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.id(buttonId)).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(waitFor)));
    }

    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
