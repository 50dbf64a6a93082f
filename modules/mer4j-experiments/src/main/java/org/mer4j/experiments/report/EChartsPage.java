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
 * inlined, so the file opens offline and can be archived beside a run). Each chart is an ECharts
 * option object; the page adds a heading, optional text and one chart container per option.
 *
 * <p>ECharts rather than hand-drawn SVG: a maintained Apache project with line, bar, heat-map
 * (confusion matrices) and area charts, tooltips and legends, shipped as a single script.
 */
public final class EChartsPage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEBJAR = "META-INF/resources/webjars/echarts/";

    private final String title;
    private final List<String> sections = new ArrayList<>();

    /** An empty page. */
    public EChartsPage(String title) {
        this.title = title;
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

    /** Adds a chart drawn from an ECharts {@code option} (maps and lists serialisable as JSON). */
    public EChartsPage chart(Object option) {
        int id = sections.size();
        try {
            sections.add("<div class=\"chart\" id=\"chart" + id + "\"></div>\n<script>echarts.init(document.getElementById('chart" + id
                    + "')).setOption(" + JSON.writeValueAsString(option).replace("</", "<\\/") + ");</script>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The page as HTML, with the ECharts script inlined. */
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:1100px}.chart{width:100%;height:380px;margin:1em 0}")
                .append("pre{background:#f6f6f6;padding:1em;overflow:auto}</style>\n")
                .append("<script>").append(script()).append("</script>\n</head><body>\n<h1>").append(escape(title)).append("</h1>\n");
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
