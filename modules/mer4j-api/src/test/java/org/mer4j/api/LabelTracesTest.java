package org.mer4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelTracesTest {
    private final LabelTraces t = new LabelTraces(null, List.of(0.0, 1.0, 3.0), Map.of("valence", List.of(0.0, 10.0, 0.0)));

    @Test
    void interpolatesLinearlyBetweenSamples() {
        assertEquals(0.0, t.valueAt("valence", 0.0), 1e-12);
        assertEquals(5.0, t.valueAt("valence", 0.5), 1e-12);
        assertEquals(10.0, t.valueAt("valence", 1.0), 1e-12);
        assertEquals(5.0, t.valueAt("valence", 2.0), 1e-12);
        assertEquals(2.5, t.valueAt("valence", 2.5), 1e-12);
        assertEquals(0.0, t.valueAt("valence", 3.0), 1e-12);
    }

    @Test
    void isNaNOutsideTheSamplesForUnknownNamesAndWhenNotLoaded() {
        assertTrue(Double.isNaN(t.valueAt("valence", -0.01)));
        assertTrue(Double.isNaN(t.valueAt("valence", 3.01)));
        assertTrue(Double.isNaN(t.valueAt("arousal", 1.0)));
        LabelTraces fileOnly = new LabelTraces("traces/a.csv", null, null);
        assertFalse(fileOnly.loaded());
        assertTrue(Double.isNaN(fileOnly.valueAt("valence", 1.0)));
    }

    @Test
    void singleSampleIsItsOwnValue() {
        LabelTraces one = new LabelTraces(null, List.of(2.0), Map.of("v", List.of(7.0)));
        assertEquals(7.0, one.valueAt("v", 2.0));
        assertTrue(Double.isNaN(one.valueAt("v", 2.5)));
    }
}
