package org.mer4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {
    private long now;

    @Test
    void linesComeAtMostEveryPeriodWithRateAndEta() {
        List<String> lines = new ArrayList<>();
        ProgressLines meter = new ProgressLines(lines::add, "extract", 100, "clips", 10, () -> now);
        for (int i = 0; i < 40; i++) {
            now += 500_000_000L; // one clip every 0.5 s
            meter.step();
        }
        // 20 s in: lines at 10 s (20 clips) and 20 s (40 clips), nothing in between
        assertEquals(List.of("extract: 20/100 clips (20%), 2.00 clips/s, ETA 40 s",
                "extract: 40/100 clips (40%), 2.00 clips/s, ETA 30 s"), lines);
        now += 130_000_000_000L;
        meter.step(60);
        meter.close();
        meter.close();
        assertEquals("extract: 100/100 clips in 2 min 30 s", lines.get(lines.size() - 1));
        assertEquals(3, lines.size(), "the last step prints no rate line, only the final line, once");
    }

    @Test
    void shortStepsEndSilently() {
        List<String> lines = new ArrayList<>();
        try (ProgressLines meter = new ProgressLines(lines::add, "train", 5, "epochs", 10, () -> now)) {
            now += 1_000_000_000L;
            meter.step(5);
        }
        assertEquals(List.of(), lines);
    }

    @Test
    void durationsReadLikeAClock() {
        assertEquals("59 s", ProgressLines.duration(59.4));
        assertEquals("1 min 05 s", ProgressLines.duration(65));
        assertEquals("2 h 03 min", ProgressLines.duration(7380));
    }
}
