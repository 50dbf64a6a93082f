package org.mer4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;
import org.mer4j.models.ModelSpec;

class ClipBatcherTest {
    private static final ModelSpec SPEC = new ModelSpec(List.of(Modality.VIDEO, Modality.AUDIO),
            Map.of(Modality.VIDEO, 2, Modality.AUDIO, 1), List.of("neutral", "happy"));

    @Test
    void padsToLongestClipAndMasksPaddingAndMissingModality() {
        AlignedClip longClip = new AlignedClip("long", "s", 10, 3,
                Map.of(Modality.VIDEO, new float[] {1, 2, 3, 4, 5, 6}, Modality.AUDIO, new float[] {7, 8, 9}),
                Map.of(Modality.VIDEO, 2, Modality.AUDIO, 1),
                Map.of(Modality.VIDEO, new boolean[] {true, false, true}, Modality.AUDIO, new boolean[] {true, true, true}),
                new int[] {0, 1, 1}, "happy", true, null);
        AlignedClip shortVideoOnly = new AlignedClip("short", "s", 10, 2,
                Map.of(Modality.VIDEO, new float[] {-1, -2, -3, -4}), Map.of(Modality.VIDEO, 2),
                Map.of(Modality.VIDEO, new boolean[] {true, true}), new int[] {1, 0}, null, true, null);
        try (NDManager manager = NDManager.newBaseManager()) {
            FusionBatch batch = new ClipBatcher(SPEC).batch(manager, List.of(longClip, shortVideoOnly));
            assertEquals(3, batch.steps());
            assertEquals(new Shape(2, 3, 2), batch.inputs().get(0).getShape());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, -1, -2, -3, -4, 0, 0}, batch.inputs().get(0).toFloatArray());
            assertArrayEquals(new float[] {1, 0, 1, 1, 1, 0}, batch.inputs().get(1).toFloatArray());
            assertArrayEquals(new float[] {7, 8, 9, 0, 0, 0}, batch.inputs().get(2).toFloatArray());
            assertArrayEquals(new float[] {1, 1, 1, 0, 0, 0}, batch.inputs().get(3).toFloatArray(), "missing audio is masked");
            assertArrayEquals(new float[] {0, 1, 1, 1, 0, 0}, batch.labels().get(0).toFloatArray());
            assertArrayEquals(new float[] {1, 1, 1, 1, 1, 0}, batch.labels().get(1).toFloatArray());
            assertArrayEquals(new float[] {0, 1, 0, 0}, batch.labels().get(2).toFloatArray());
            assertArrayEquals(new float[] {1, 0}, batch.labels().get(3).toFloatArray(), "unlabelled emotion is masked");
        }
    }

    @Test
    void wrongDimensionOrUnknownEmotionNamesTheClip() {
        AlignedClip wrongDim = new AlignedClip("bad", "s", 10, 1, Map.of(Modality.AUDIO, new float[] {1, 2}),
                Map.of(Modality.AUDIO, 2), Map.of(Modality.AUDIO, new boolean[] {true}), new int[] {0}, null, false, null);
        IllegalArgumentException dim = assertThrows(IllegalArgumentException.class, () -> new ClipBatcher(SPEC).check(wrongDim));
        assertTrue(dim.getMessage().contains("clip bad: audio"), dim.getMessage());
        AlignedClip unknown = new AlignedClip("odd", "s", 10, 1, Map.of(), Map.of(), Map.of(), new int[] {0}, "angry", false, null);
        IllegalArgumentException emotion = assertThrows(IllegalArgumentException.class, () -> new ClipBatcher(SPEC).check(unknown));
        assertTrue(emotion.getMessage().contains("'angry'"), emotion.getMessage());
    }

    @Test
    void nonFiniteFeatureAtValidStepIsReportedButIgnoredWhenMasked() {
        AlignedClip nan = new AlignedClip("nan", "s", 10, 2, Map.of(Modality.AUDIO, new float[] {0, Float.NaN}),
                Map.of(Modality.AUDIO, 1), Map.of(Modality.AUDIO, new boolean[] {true, true}), new int[] {0, 0}, null, false, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClipBatcher(SPEC).checkFinite(nan));
        assertTrue(e.getMessage().contains("clip nan: audio feature 0 at step 1 is NaN"), e.getMessage());
        AlignedClip masked = new AlignedClip("ok", "s", 10, 2, Map.of(Modality.AUDIO, new float[] {0, Float.NaN}),
                Map.of(Modality.AUDIO, 1), Map.of(Modality.AUDIO, new boolean[] {true, false}), new int[] {0, 0}, null, false, null);
        new ClipBatcher(SPEC).checkFinite(masked);
    }

    @Test
    void shuffleDependsOnlyOnTheSeed() {
        List<AlignedClip> clips = SyntheticAlignedClips.generate(SyntheticClipsConfig.small(), 1);
        List<List<AlignedClip>> a = ClipBatcher.shuffledBatches(clips, 5, new Random(3));
        List<List<AlignedClip>> b = ClipBatcher.shuffledBatches(clips, 5, new Random(3));
        List<List<AlignedClip>> c = ClipBatcher.shuffledBatches(clips, 5, new Random(4));
        assertEquals(List.of(5, 5, 5, 1), a.stream().map(List::size).toList());
        assertEquals(a, b);
        assertNotEquals(a, c);
    }
}
