package io.paretoprune.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** Opens a report in headless Chromium: no errors, no network, every figure drawn, text escaped. */
@Tag("browser")
class ReportInBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path tmp;

  @Test
  void reportRendersOfflineWithEveryFigure() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
    Path dir = ResultsFixture.write(tmp, "<img src=x onerror=alert(2)>", true);
    Path index = ReportWriter.write(dir);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + tmp.resolve("profile"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    try {
      driver.manage().window().setSize(new Dimension(1400, 2400));
      driver.get(index.toUri().toString());
      JavascriptExecutor js = driver;
      try {
        driver.switchTo().alert();
        throw new AssertionError("a <script> from a label or suite name ran");
      } catch (NoAlertPresentException expected) {
        // the escaped text shows as text
      }
      assertTrue(
          driver
              .findElement(org.openqa.selenium.By.tagName("h1"))
              .getText()
              .contains("<img src=x onerror=alert(2)>"));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> svgs =
          (List<Map<String, Object>>)
              js.executeScript(
                  "return Array.from(document.querySelectorAll('figure svg')).map(s => {"
                      + "const r = s.getBoundingClientRect();"
                      + "return {w: r.width, h: r.height, marks: s.querySelectorAll('path,line,rect,ellipse,polyline').length};});");
      assertEquals(8, svgs.size());
      for (Map<String, Object> s : svgs) {
        assertTrue(
            ((Number) s.get("w")).doubleValue() > 100 && ((Number) s.get("h")).doubleValue() > 100,
            s.toString());
        assertTrue(((Number) s.get("marks")).intValue() > 10, "figure drew nothing: " + s);
      }
      long requests =
          (Long) js.executeScript("return performance.getEntriesByType('resource').length;");
      assertEquals(0, requests, "the report requested something over the network");
      List<LogEntry> severe =
          driver.manage().logs().get(LogType.BROWSER).getAll().stream()
              .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
              .toList();
      assertEquals(List.of(), severe, "console errors");
      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      Files.createDirectories(Path.of("target"));
      Files.write(Path.of("target", "report-screenshot.png"), png);
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
      int first = img.getRGB(0, 0);
      long differing = 0;
      for (int y = 0; y < img.getHeight(); y += 7) {
        for (int x = 0; x < img.getWidth(); x += 7) {
          differing += img.getRGB(x, y) != first ? 1 : 0;
        }
      }
      assertTrue(differing > 1000, "the screenshot is blank");
    } finally {
      driver.quit();
    }
  }
}
