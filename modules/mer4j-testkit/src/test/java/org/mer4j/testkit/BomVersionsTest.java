package org.mer4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM that plug-ins import states the framework's own version and DJL version, not stale copies. */
class BomVersionsTest {
    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(pom);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void bomMatchesTheParent() throws Exception {
        String parent = Files.readString(Path.of("../../pom.xml"));
        String bom = Files.readString(Path.of("../mer4j-bom/pom.xml"));
        String parentVersion = property(parent.substring(parent.indexOf("<artifactId>mer4j-parent</artifactId>")), "version");
        assertEquals(parentVersion, property(bom.substring(bom.indexOf("<artifactId>mer4j-bom</artifactId>")), "version"), "mer4j-bom version");
        assertEquals(parentVersion, property(bom, "mer4j.version"), "mer4j-bom mer4j.version");
        assertEquals(property(parent, "djl.version"), property(bom, "djl.version"), "mer4j-bom djl.version");
        String example = Files.readString(Path.of("../../experiments/plugins/example-fusion/pom.xml"));
        assertEquals(parentVersion, property(example, "mer4j.version"), "the example plug-in builds against this framework version");
    }
}
