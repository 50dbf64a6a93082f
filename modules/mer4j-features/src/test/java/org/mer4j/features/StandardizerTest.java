package org.mer4j.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.Modality;

/** Id columns (word or word-piece ids) reach the model exactly as extracted, whatever the normalisation. */
class StandardizerTest {
    /** Text columns: [measurement, id, id]; one step per row. */
    private static final IdColumns IDS = IdColumns.NONE.with(Modality.TEXT, 1, 2);

    private static AlignedClip clip(String id, String subject, float[]... rows) {
        float[] x = new float[rows.length * 3];
        boolean[] mask = new boolean[rows.length];
        for (int t = 0; t < rows.length; t++) {
            System.arraycopy(rows[t], 0, x, 3 * t, 3);
            mask[t] = true;
        }
        return new AlignedClip(id, subject, 1, rows.length, Map.of(Modality.TEXT, x), Map.of(Modality.TEXT, 3), Map.of(Modality.TEXT, mask),
                ClipLabels.none());
    }

    @Test
    void idColumnsPassThroughAndTheOthersAreZScored() {
        AlignedClip a = clip("a", "s1", new float[] {1, 2054, 30522}, new float[] {3, 7, 0});
        AlignedClip b = clip("b", "s2", new float[] {5, 101, 1012});
        Standardizer fitted = Standardizer.fit(List.of(a, b), IDS);
        assertArrayEquals(new float[] {3, 0, 0}, fitted.mean(Modality.TEXT), "no statistics for ids");
        assertArrayEquals(new float[] {0.6123724f, 1, 1}, fitted.scale(Modality.TEXT), 1e-6f);
        assertArrayEquals(new float[] {-1.2247449f, 2054, 30522, 0, 7, 0}, fitted.apply(a).features().get(Modality.TEXT), 1e-6f);
        List<AlignedClip> perSubject = Standardizer.perSubject(List.of(a, b), IDS);
        assertArrayEquals(new float[] {-1, 2054, 30522, 1, 7, 0}, perSubject.get(0).features().get(Modality.TEXT), 1e-6f);
        assertArrayEquals(new float[] {0, 101, 1012}, perSubject.get(1).features().get(Modality.TEXT), 1e-6f);
        // without the declaration the same columns would be z-scored: the test above would fail
        assertTrue(Standardizer.fit(List.of(a, b), IdColumns.NONE).apply(a).features().get(Modality.TEXT)[1] != 2054f);
    }

    @Test
    void savedStatisticsNeverChangeIds() {
        // statistics read back from a file that (wrongly, e.g. an older version's) holds some for the id columns
        Map<Modality, float[]> mean = new EnumMap<>(Map.of(Modality.TEXT, new float[] {1, 500, 500}));
        Map<Modality, float[]> scale = new EnumMap<>(Map.of(Modality.TEXT, new float[] {2, 0.01f, 0.01f}));
        AlignedClip a = clip("a", "s1", new float[] {2, 2054, 30522});
        assertArrayEquals(new float[] {2, 2054, 30522}, Standardizer.of(mean, scale, IDS).apply(a).features().get(Modality.TEXT));
    }

    @Test
    void idColumnsBeyondTheFeaturesAreAnError() {
        AlignedClip a = clip("a", "s1", new float[] {1, 2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Standardizer.fit(List.of(a), IdColumns.NONE.with(Modality.TEXT, 2, 4)));
        assertTrue(e.getMessage().contains("reach column 5 but its vectors have 3 columns"), e.getMessage());
    }
}
