package org.mer4j.experiments.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A self-contained HTML page of charts drawn by Apache ECharts (from its Maven Central webjar,
 * inlined, so the file opens offline, fetches nothing when viewed and can be archived beside a run).
 * Each chart is an ECharts option object; the page adds headings (with a table of contents of the
 * second-level ones), text, tables and one chart container per option.
 *
 * <p>ECharts rather than hand-drawn SVG: a well maintained Apache project (Apache ECharts, a top-level
 * Apache Software Foundation project) with line, bar, heat-map (confusion matrices) and area charts,
 * tooltips, legends that switch series on and off, canvas and SVG renderers, shipped as a single
 * JavaScript file to inline.
 *
 * <p>Render marker: when a chart has been drawn (right after {@code setOption}, which paints
 * synchronously), its container gets
 * {@code data-rendered="true"} and {@code data-points="N"}, the number of data items ECharts holds
 * over all its series; a chart that throws gets {@code data-error}. The body carries
 * {@code data-charts} (charts on the page), and once every chart has reported,
 * {@code data-charts-done} and {@code data-charts-empty} (charts with no data item). A headless
 * browser's DOM dump thus tells whether every plot was drawn with data.
 */
public final class EChartsPage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEBJAR = "META-INF/resources/webjars/echarts/";
    private static final String HELPER = """
            var mer4jCharts = {done: 0, empty: 0};
            function mer4jReported(points) {
              mer4jCharts.done++;
              if (points === 0) { mer4jCharts.empty++; }
              var body = document.body;
              if (mer4jCharts.done === Number(body.getAttribute('data-charts'))) {
                body.setAttribute('data-charts-empty', String(mer4jCharts.empty));
                body.setAttribute('data-charts-done', String(mer4jCharts.done));
              }
            }
            function mer4jChart(id, option) {
              var el = document.getElementById(id);
              try {
                var chart = echarts.init(el);
                var reported = false;
                var report = function () {
                  if (reported) { return; }
                  reported = true;
                  var points = 0;
                  chart.getModel().eachSeries(function (s) { points += s.getData().count(); });
                  el.setAttribute('data-points', String(points));
                  el.setAttribute('data-rendered', el.querySelector('canvas') ? 'true' : 'false');
                  mer4jReported(points);
                };
                chart.on('finished', report);
                chart.setOption(option);
                // setOption paints synchronously (zrender flush); report now rather than wait for the
                // animation loop, which a headless browser may never run before it dumps the page
                report();
                window.addEventListener('resize', function () { chart.resize(); });
              } catch (e) {
                el.setAttribute('data-error', String(e));
                mer4jReported(0);
              }
            }
            """;

    private final String title;
    private final List<String> sections = new ArrayList<>();
    private final List<String[]> contents = new ArrayList<>();
    private int charts;

    /** An empty page. */
    public EChartsPage(String title) {
        this.title = title;
    }

    /** Adds a heading of {@code level} 2 (listed in the table of contents) or 3 (escaped). */
    public EChartsPage heading(String text, int level) {
        if (level != 2 && level != 3) {
            throw new IllegalArgumentException("heading level " + level + ": use 2 or 3 (1 is the page title)");
        }
        String id = "s" + sections.size();
        if (level == 2) {
            contents.add(new String[] {id, text});
        }
        sections.add("<h" + level + " id=\"" + id + "\">" + escape(text) + "</h" + level + ">");
        return this;
    }

    /** Adds a paragraph of text (escaped). */
    public EChartsPage text(String paragraph) {
        sections.add("<p>" + escape(paragraph) + "</p>");
        return this;
    }

    /** Adds a preformatted block (escaped), e.g. a markdown table. */
    public EChartsPage pre(String block) {
        sections.add("<pre>" + escape(block) + "</pre>");
        return this;
    }

    /** Adds a table (cells escaped); the first column is set in bold. */
    public EChartsPage table(List<String> header, List<List<String>> rows) {
        sections.add(tableHtml(header, rows));
        return this;
    }

    /** Adds a table folded under a clickable summary line. */
    public EChartsPage foldedTable(String summary, List<String> header, List<List<String>> rows) {
        sections.add("<details><summary>" + escape(summary) + "</summary>" + tableHtml(header, rows) + "</details>");
        return this;
    }

    /**
     * Adds Markdown as mer4j's tables write it: {@code #} headings (as level-3 headings), pipe tables
     * and paragraphs; everything escaped.
     */
    public EChartsPage markdown(String md) {
        List<String> lines = md.lines().toList();
        StringBuilder paragraph = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("|")) {
                flush(paragraph);
                List<List<String>> table = new ArrayList<>();
                for (; i < lines.size() && lines.get(i).strip().startsWith("|"); i++) {
                    String row = lines.get(i).strip();
                    if (!row.matches("\\|[-:| ]+\\|")) {
                        table.add(cells(row));
                    }
                }
                i--;
                if (!table.isEmpty()) {
                    table(table.get(0), table.subList(1, table.size()));
                }
            } else if (line.startsWith("#")) {
                flush(paragraph);
                sections.add("<h3>" + escape(line.replaceFirst("^#+\\s*", "")) + "</h3>");
            } else if (line.isEmpty()) {
                flush(paragraph);
            } else {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(line);
            }
        }
        flush(paragraph);
        return this;
    }

    /** Adds a chart drawn from an ECharts {@code option} (maps and lists serialisable as JSON). */
    public EChartsPage chart(Object option) {
        sections.add(chartHtml(option, "chart"));
        return this;
    }

    /** Adds charts side by side, {@code perLine} to a line (smaller, for many similar charts). */
    public EChartsPage charts(List<?> options, int perLine) {
        if (perLine < 1) {
            throw new IllegalArgumentException("perLine " + perLine + " must be at least 1");
        }
        StringBuilder sb = new StringBuilder("<div class=\"grid\" style=\"grid-template-columns:repeat(" + perLine + ",1fr)\">\n");
        for (Object option : options) {
            sb.append(chartHtml(option, "chart small")).append('\n');
        }
        sections.add(sb.append("</div>").toString());
        return this;
    }

    /** Number of charts added so far. */
    public int chartCount() {
        return charts;
    }

    /** The page as HTML, with the ECharts script inlined. */
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:1200px}.chart{width:100%;height:380px;margin:1em 0}")
                .append(".grid{display:grid;gap:0.5em}.chart.small{height:300px;margin:0}")
                .append("pre{background:#f6f6f6;padding:1em;overflow:auto}table{border-collapse:collapse;margin:0.5em 0;font-size:0.9em}")
                .append("td,th{border:1px solid #ccc;padding:0.2em 0.5em;text-align:left}th{background:#f0f0f0}td:first-child{font-weight:bold}")
                .append("details{margin:0.5em 0}</style>\n")
                .append("<script>").append(script()).append("</script>\n<script>").append(HELPER).append("</script>\n</head><body data-charts=\"")
                .append(charts).append("\">\n<h1>").append(escape(title)).append("</h1>\n");
        if (contents.size() > 1) {
            sb.append("<nav><ul>");
            contents.forEach(c -> sb.append("<li><a href=\"#").append(c[0]).append("\">").append(escape(c[1])).append("</a></li>"));
            sb.append("</ul></nav>\n");
        }
        sections.forEach(s -> sb.append(s).append('\n'));
        return sb.append("</body></html>\n").toString();
    }

    /** The version of the inlined ECharts. */
    public static String version() {
        try (InputStream in = EChartsPage.class.getClassLoader().getResourceAsStream("META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the ECharts webjar (org.webjars.npm:echarts) is not on the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String chartHtml(Object option, String cssClass) {
        String id = "chart" + charts++;
        try {
            return "<div class=\"" + cssClass + "\" id=\"" + id + "\"></div>\n<script>mer4jChart('" + id + "', "
                    + JSON.writeValueAsString(option).replace("</", "<\\/") + ");</script>";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush(StringBuilder paragraph) {
        if (paragraph.length() > 0) {
            text(paragraph.toString());
            paragraph.setLength(0);
        }
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
        List<String> out = new ArrayList<>();
        for (String c : inner.split("\\|", -1)) {
            out.add(c.strip());
        }
        return out;
    }

    private static String tableHtml(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("<table><thead><tr>");
        header.forEach(h -> sb.append("<th>").append(escape(h)).append("</th>"));
        sb.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            sb.append("<tr>");
            row.forEach(c -> sb.append("<td>").append(escape(c)).append("</td>"));
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    private static String script() {
        String path = WEBJAR + version() + "/dist/echarts.min.js";
        try (InputStream in = EChartsPage.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the ECharts webjar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
