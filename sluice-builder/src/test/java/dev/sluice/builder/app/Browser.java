package dev.sluice.builder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (never one Selenium Manager downloads). Missing
 * browser: the test is skipped on a developer's machine and fails under CI ({@code CI} set), which installs it.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("sluice.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("sluice.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {
    }

    static ChromeDriver start() {
        awaitInstall();
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String ci = System.getenv("CI");
        boolean underCi = ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
        if (!present) {
            assertThat(underCi).as("CI is set but %s or %s is missing: .ci/run installs Debian's chromium and "
                    + "chromium-driver before the browser tests", CHROMIUM, CHROMEDRIVER).isFalse();
            Assumptions.abort("no " + CHROMIUM + " and " + CHROMEDRIVER + ": the browser tests are skipped "
                    + "(apt-get install chromium chromium-driver to run them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root (CI containers) Chromium's sandbox cannot start; /dev/shm is small in containers.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,960",
                "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1440, 960));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * .ci/run installs the browser in the background while the modules before this one build; it names a file
     * that appears when the install is over. Wait for it (the install takes about two minutes).
     */
    private static void awaitInstall() {
        String done = System.getenv("SLUICE_BROWSER_INSTALL_DONE");
        if (done == null || done.isBlank()) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (!Files.exists(Path.of(done)) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
