package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;

class WordVocabularyTest {
    private static final TrackSlice IDS = new TrackSlice(Modality.TEXT, 1, 1, true);

    /** A text-only clip whose steps hold [feature, word id]. */
    private static AlignedClip clip(String id, float... ids) {
        int steps = ids.length;
        float[] x = new float[steps * 2];
        boolean[] mask = new boolean[steps];
        for (int t = 0; t < steps; t++) {
            x[2 * t] = t;
            x[2 * t + 1] = ids[t];
            mask[t] = ids[t] != 0;
        }
        return new AlignedClip(id, "s", 4, steps, Map.of(Modality.TEXT, x), Map.of(Modality.TEXT, 2), Map.of(Modality.TEXT, mask),
                new org.mer4j.api.ClipLabels("joy", java.util.List.of(), false, null));
    }

    @Test
    void trainingWordsGetRowsUnseenWordsShareUnkAndSilenceIsRowZero() {
        // word 7 twice, word 9 twice, word 5 once (below minCount 2)
        List<AlignedClip> train = List.of(clip("a", 7, 7, 9, 0), clip("b", 9, 5, 7));
        WordVocabulary v = WordVocabulary.fit(train, IDS, new ExperimentConfig.VocabularyConfig(2, 100, 8));
        assertEquals(4, v.rows(), "PAD + UNK + 2 words");
        AlignedClip test = clip("t", 9, 123456, 0);
        AlignedClip out = v.apply(test);
        assertEquals(2, out.dims().get(Modality.TEXT), "the feature column, then one id column: no one-hot");
        float[] x = out.features().get(Modality.TEXT);
        // step 0: word 9's row (2 or 3); step 1: unknown -> UNK (1); step 2: no word -> PAD (0)
        assertEquals(0f, x[0]);
        assertTrue(x[1] == 2f || x[1] == 3f, "a training word has its own row: " + x[1]);
        assertArrayEquals(new float[] {1f, 1f, 2f, 0f}, java.util.Arrays.copyOfRange(x, 2, 6));
        float seven = v.apply(clip("u", 7)).features().get(Modality.TEXT)[1];
        assertTrue((seven == 2f || seven == 3f) && seven != x[1], "distinct rows for distinct training words");
        assertEquals(new org.mer4j.models.TokenInput(Modality.TEXT, 1, 4, 8), v.tokenInput(2, 8));
    }

    @Test
    void averagedIdsFailWithTheFix() {
        List<AlignedClip> train = List.of(clip("a", 7.5f));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WordVocabulary.fit(train, IDS, new ExperimentConfig.VocabularyConfig(1, 10, 0)));
        assertTrue(e.getMessage().contains("hopSeconds to 1 / alignment.rate"), e.getMessage());
    }
}
