package org.mer4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EChartsPageTest {

    @Test
    void markdownTablesBecomeHtmlTablesAndEverythingIsEscaped() {
        String html = new EChartsPage("t <1>").markdown("""
                # title

                | row | a<b |
                |---|---|
                | x & y | 0.5 ± 0.1 |

                a note
                over two lines
                """).html();
        assertTrue(html.contains("<h3>title</h3>"), html.substring(html.length() - 600));
        assertTrue(html.contains("<table><thead><tr><th>row</th><th>a&lt;b</th></tr></thead><tbody><tr><td>x &amp; y</td><td>0.5 ± 0.1</td></tr>"));
        assertTrue(html.contains("<p>a note over two lines</p>"));
        assertTrue(html.contains("<title>t &lt;1&gt;</title>"));
    }

    @Test
    void chartsAreCountedAndScriptEndTagsInDataCannotCloseTheScript() {
        EChartsPage page = new EChartsPage("p").heading("one", 2).chart(Map.of("series", List.of(Map.of("type", "line", "name", "</script>",
                "data", List.of(List.of(0, 1))))));
        page.heading("two", 2).charts(List.of(Map.of("series", List.of()), Map.of("series", List.of())), 2);
        String html = page.html();
        assertEquals(3, page.chartCount());
        assertTrue(html.contains("<body data-charts=\"3\">"));
        assertTrue(html.contains("mer4jChart('chart2', "));
        assertTrue(html.contains("<\\/script>") && html.contains("<a href=\"#s0\">one</a>"), "table of contents of the level-2 headings");
    }
}
