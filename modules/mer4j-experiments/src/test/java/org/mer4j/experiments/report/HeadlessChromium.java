package org.mer4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Renders a page in headless Chromium (Debian package {@code chromium}, which CI installs) and reads
 * the render markers {@link EChartsPage} writes into the DOM. Tests that need it are skipped, with a
 * message saying so, where the browser is not installed.
 */
final class HeadlessChromium {
    private static final Pattern CHART = Pattern.compile("<div class=\"chart[^\"]*\" id=\"(chart\\d+)\"([^>]*)>");
    private static final Pattern BODY = Pattern.compile("<body data-charts=\"(\\d+)\"([^>]*)>");

    /** One chart container as the browser left it. */
    record Chart(String id, boolean rendered, int points, String error) {
    }

    /** The DOM after rendering: the body's counters and every chart. */
    record Rendered(int declared, Integer done, Integer empty, List<Chart> charts) {
        /** Fails unless every chart was drawn with at least one data item. */
        void assertEveryChartHasData() {
            assertTrue(declared > 0, "the page has no chart");
            assertEquals(declared, charts.size(), "chart containers in the DOM");
            for (Chart c : charts) {
                assertTrue(c.error() == null, c.id() + " threw in the browser: " + c.error());
                assertTrue(c.rendered(), c.id() + " never finished rendering");
                assertTrue(c.points() > 0, c.id() + " was drawn without data");
            }
            assertEquals(Integer.valueOf(declared), done, "charts that reported");
            assertEquals(Integer.valueOf(0), empty, "charts without data");
        }
    }

    private HeadlessChromium() {
    }

    /** The browser on the PATH, or a skipped test. */
    static Path requireBrowser() {
        Optional<Path> browser = find();
        Assumptions.assumeTrue(browser.isPresent(), "chromium is not installed (Debian: sudo apt-get install -y chromium; .ci/run installs it):"
                + " skipping the check that the report's charts render in a browser");
        return browser.get();
    }

    /**
     * Loads {@code page}, lets its scripts run, and returns the markers of the resulting DOM. A dump
     * in which no chart reported at all (the browser dumped before the first frame, seen on a loaded
     * machine) is retried up to twice with a fresh profile; a chart that reported no data is never retried.
     */
    static Rendered render(Path page, Path scratch) throws Exception {
        Rendered r = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            r = renderOnce(page, Files.createDirectories(scratch.resolve("attempt-" + attempt)));
            if (r.done() != null) {
                return r;
            }
            Thread.sleep(2000L * attempt);
        }
        return r;
    }

    private static Rendered renderOnce(Path page, Path scratch) throws Exception {
        Path browser = requireBrowser();
        Path profile = Files.createDirectories(scratch.resolve("chromium-profile"));
        Path dom = scratch.resolve("dom.html");
        Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--run-all-compositor-stages-before-draw", "--virtual-time-budget=15000", "--dump-dom", page.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(scratch.resolve("chromium.log").toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 180 s; see " + scratch.resolve("chromium.log"));
        }
        String html = Files.readString(dom, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "chromium exit status; log: " + Files.readString(scratch.resolve("chromium.log")));
        return parse(html);
    }

    static Rendered parse(String dom) {
        Matcher body = BODY.matcher(dom);
        assertTrue(body.find(), "no <body data-charts=...> in the DOM dump (" + dom.length() + " chars)");
        String bodyAttrs = body.group(2);
        List<Chart> charts = new ArrayList<>();
        Matcher m = CHART.matcher(dom);
        while (m.find()) {
            String attrs = m.group(2);
            String points = attribute(attrs, "data-points");
            charts.add(new Chart(m.group(1), "true".equals(attribute(attrs, "data-rendered")), points == null ? -1 : Integer.parseInt(points),
                    attribute(attrs, "data-error")));
        }
        String done = attribute(bodyAttrs, "data-charts-done");
        String empty = attribute(bodyAttrs, "data-charts-empty");
        return new Rendered(Integer.parseInt(body.group(1)), done == null ? null : Integer.valueOf(done),
                empty == null ? null : Integer.valueOf(empty), charts);
    }

    private static String attribute(String attrs, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : null;
    }

    private static Optional<Path> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
