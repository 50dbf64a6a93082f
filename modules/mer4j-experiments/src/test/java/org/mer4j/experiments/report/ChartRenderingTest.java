package org.mer4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser check itself: it passes a page whose charts have data and fails one with an empty chart. */
class ChartRenderingTest {

    @Test
    void anEmptyChartIsCaught(@TempDir Path dir) throws Exception {
        HeadlessChromium.requireBrowser();
        EChartsPage page = new EChartsPage("check")
                .chart(Map.of("xAxis", Map.of("type", "value"), "yAxis", Map.of("type", "value"),
                        "series", List.of(Map.of("type", "line", "data", List.of(List.of(0, 1), List.of(1, 2), List.of(2, 1.5))))))
                .chart(Map.of("xAxis", Map.of("type", "value"), "yAxis", Map.of("type", "value"),
                        "series", List.of(Map.of("type", "line", "data", List.of()))));
        Path html = Files.writeString(dir.resolve("page.html"), page.html());
        HeadlessChromium.Rendered r = HeadlessChromium.render(html, dir);
        assertEquals(2, r.charts().size());
        assertTrue(r.charts().get(0).rendered() && r.charts().get(0).points() == 3, r.toString());
        assertTrue(r.charts().get(1).rendered() && r.charts().get(1).points() == 0, r.toString());
        assertEquals(Integer.valueOf(1), r.empty());
        assertThrows(AssertionError.class, r::assertEveryChartHasData, "a chart without data must fail the check");
    }
}
