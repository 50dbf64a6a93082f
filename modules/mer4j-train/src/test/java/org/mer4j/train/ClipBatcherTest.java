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
import org.mer4j.api.ClipLabels;
import org.mer4j.api.Modality;
import org.mer4j.api.TimeSegment;
import org.mer4j.models.ModelSpec;
import org.mer4j.train.tasks.TaskSet;

class ClipBatcherTest {
    private static final Map<Modality, Integer> DIMS = Map.of(Modality.VIDEO, 2, Modality.AUDIO, 1);

    private static AlignedClip clip(String id, int steps, Map<Modality, float[]> x, Map<Modality, boolean[]> masks, ClipLabels labels) {
        Map<Modality, Integer> dims = new java.util.HashMap<>();
        x.keySet().forEach(m -> dims.put(m, DIMS.get(m)));
        return new AlignedClip(id, "s", 10, steps, x, dims, masks, labels);
    }

    @Test
    void padsToLongestClipAndMasksPaddingAndMissingModality() {
        // A/H at step centres 0.15 and 0.25 s of the 3-step clip; none in the short one
        AlignedClip longClip = clip("long", 3,
                Map.of(Modality.VIDEO, new float[] {1, 2, 3, 4, 5, 6}, Modality.AUDIO, new float[] {7, 8, 9}),
                Map.of(Modality.VIDEO, new boolean[] {true, false, true}, Modality.AUDIO, new boolean[] {true, true, true}),
                new ClipLabels("happy", List.of(new TimeSegment(0.1, 0.3)), true, null));
        AlignedClip shortVideoOnly = clip("short", 2, Map.of(Modality.VIDEO, new float[] {-1, -2, -3, -4}),
                Map.of(Modality.VIDEO, new boolean[] {true, true}), new ClipLabels(null, List.of(), false, null));
        List<AlignedClip> clips = List.of(longClip, shortVideoOnly);
        TaskSet tasks = SyntheticTasks.ahAndEmotion(clips);
        ModelSpec spec = new ModelSpec(List.of(Modality.VIDEO, Modality.AUDIO), DIMS, tasks.heads());
        try (NDManager manager = NDManager.newBaseManager()) {
            FusionBatch batch = new ClipBatcher(spec, tasks).batch(manager, clips);
            assertEquals(3, batch.steps());
            assertEquals(new Shape(2, 3, 2), batch.inputs().get(0).getShape());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, -1, -2, -3, -4, 0, 0}, batch.inputs().get(0).toFloatArray());
            assertArrayEquals(new float[] {1, 0, 1, 1, 1, 0}, batch.inputs().get(1).toFloatArray());
            assertArrayEquals(new float[] {7, 8, 9, 0, 0, 0}, batch.inputs().get(2).toFloatArray());
            assertArrayEquals(new float[] {1, 1, 1, 0, 0, 0}, batch.inputs().get(3).toFloatArray(), "missing audio is masked");
            // targets: ah (step, stepMask, clip, clipMask), emotion (clip, clipMask), real steps
            assertEquals(7, batch.labels().size());
            assertEquals(new Shape(2, 3, 1), batch.labels().get(0).getShape());
            assertArrayEquals(new float[] {0, 1, 1, 0, 0, 0}, batch.labels().get(0).toFloatArray());
            assertArrayEquals(new float[] {1, 1, 1, 1, 1, 0}, batch.labels().get(1).toFloatArray(), "padding is unlabelled");
            assertArrayEquals(new float[] {1, 0}, batch.labels().get(2).toFloatArray());
            assertArrayEquals(new float[] {1, 0}, batch.labels().get(4).toFloatArray(), "the only class 'happy' is one-hot");
            assertArrayEquals(new float[] {1, 0}, batch.labels().get(5).toFloatArray(), "unlabelled emotion is masked");
            assertArrayEquals(new float[] {1, 1, 1, 1, 1, 0}, batch.labels().get(6).toFloatArray());
        }
    }

    @Test
    void wrongDimensionNamesTheClip() {
        AlignedClip wrongDim = new AlignedClip("bad", "s", 10, 1, Map.of(Modality.AUDIO, new float[] {1, 2}),
                Map.of(Modality.AUDIO, 2), Map.of(Modality.AUDIO, new boolean[] {true}), ClipLabels.none());
        TaskSet tasks = SyntheticTasks.of(List.of(wrongDim), List.of(wrongDim), "ah");
        ModelSpec spec = new ModelSpec(List.of(Modality.VIDEO, Modality.AUDIO), DIMS, tasks.heads());
        IllegalArgumentException dim = assertThrows(IllegalArgumentException.class, () -> new ClipBatcher(spec, tasks).check(wrongDim));
        assertTrue(dim.getMessage().contains("clip bad: audio"), dim.getMessage());
    }

    @Test
    void nonFiniteFeatureAtValidStepIsReportedButIgnoredWhenMasked() {
        AlignedClip nan = new AlignedClip("nan", "s", 10, 2, Map.of(Modality.AUDIO, new float[] {0, Float.NaN}),
                Map.of(Modality.AUDIO, 1), Map.of(Modality.AUDIO, new boolean[] {true, true}), ClipLabels.none());
        AlignedClip masked = new AlignedClip("ok", "s", 10, 2, Map.of(Modality.AUDIO, new float[] {0, Float.NaN}),
                Map.of(Modality.AUDIO, 1), Map.of(Modality.AUDIO, new boolean[] {true, false}), ClipLabels.none());
        TaskSet tasks = SyntheticTasks.of(List.of(nan, masked), List.of(nan, masked), "ah");
        ModelSpec spec = new ModelSpec(List.of(Modality.VIDEO, Modality.AUDIO), DIMS, tasks.heads());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClipBatcher(spec, tasks).checkFinite(nan));
        assertTrue(e.getMessage().contains("clip nan: audio feature 0 at step 1 is NaN"), e.getMessage());
        new ClipBatcher(spec, tasks).checkFinite(masked);
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

    @Test
    void lengthBucketsHoldEveryClipOnceAndPadLessThanShuffledBatches() {
        // 400 clips of 1-60 steps: 2 pools of 50 batches of 4
        List<AlignedClip> clips = new java.util.ArrayList<>();
        Random r = new Random(11);
        for (int i = 0; i < 400; i++) {
            int steps = 1 + r.nextInt(60);
            clips.add(clip("c" + i, steps, Map.of(Modality.AUDIO, new float[steps]), Map.of(Modality.AUDIO, new boolean[steps]),
                    ClipLabels.none()));
        }
        List<List<AlignedClip>> a = ClipBatcher.bucketedBatches(clips, 4, new Random(3), AlignedClip::steps);
        assertEquals(a, ClipBatcher.bucketedBatches(clips, 4, new Random(3), AlignedClip::steps), "the same seed, the same batches");
        assertNotEquals(a, ClipBatcher.bucketedBatches(clips, 4, new Random(4), AlignedClip::steps));
        assertEquals(100, a.size());
        List<String> seen = a.stream().flatMap(List::stream).map(AlignedClip::clipId).sorted().toList();
        assertEquals(clips.stream().map(AlignedClip::clipId).sorted().toList(), seen, "every clip exactly once");
        long bucketedPadding = padding(a);
        long shuffledPadding = padding(ClipBatcher.shuffledBatches(clips, 4, new Random(3)));
        assertTrue(bucketedPadding * 10 < shuffledPadding, "padded steps " + bucketedPadding + " bucketed vs " + shuffledPadding + " shuffled");
        // the batch order is shuffled, not sorted by length
        List<Integer> firstLengths = a.stream().map(b -> b.get(0).steps()).toList();
        assertNotEquals(firstLengths.stream().sorted().toList(), firstLengths);
    }

    private static long padding(List<List<AlignedClip>> batches) {
        long padded = 0;
        for (List<AlignedClip> b : batches) {
            int longest = b.stream().mapToInt(AlignedClip::steps).max().orElseThrow();
            padded += b.stream().mapToInt(c -> longest - c.steps()).sum();
        }
        return padded;
    }
}
