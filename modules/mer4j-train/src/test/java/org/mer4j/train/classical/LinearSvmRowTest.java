package org.mer4j.train.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.Modality;
import org.mer4j.train.ClipPrediction;
import org.mer4j.train.SyntheticTasks;
import org.mer4j.train.tasks.TaskSet;

/**
 * {@link LinearSvmRow} on synthetic clip-level features. Separable classes whose discriminative
 * features are small next to a noisy nuisance feature need a weakly regularised model: C selection
 * picks the large end of the grid and the test clips come out right. Few training clips with many
 * weak features and a quarter of their labels flipped need strong regularisation: C selection picks
 * the small end, and it beats the largest C on clean test clips. The same
 * seed gives the same model; what the row cannot serve is refused with a message that says why.
 */
class LinearSvmRowTest {
    private static final List<Double> GRID = List.of(1e-4, 1e-3, 1e-2, 1e-1, 1.0);
    private static final List<String> THREE = List.of("sad", "angry", "happy");

    /** Three classes: a tight triangle in features 0-1 separates them; feature 2 follows the class but with large noise. */
    private static double[] separable(int k, SplittableRandom r) {
        double[][] corner = {{0.3, 0}, {-0.15, 0.26}, {-0.15, -0.26}};
        return new double[] {corner[k][0] + 0.01 * gauss(r), corner[k][1] + 0.01 * gauss(r), (k - 1) * 2 + 4 * gauss(r)};
    }

    /** Two classes, 40 features each shifted by +-0.3, unit noise. */
    private static double[] noisy(int k, SplittableRandom r) {
        double[] x = new double[40];
        for (int d = 0; d < x.length; d++) {
            x[d] = (k == 0 ? 0.3 : -0.3) + gauss(r);
        }
        return x;
    }

    @Test
    void separableDataPicksTheLargeEndOfTheGridAndPredictsEveryTestClip() {
        SplittableRandom r = new SplittableRandom(11);
        List<AlignedClip> train = clips("tr", 20, THREE, r, LinearSvmRowTest::separable);
        List<AlignedClip> val = clips("va", 20, THREE, r, LinearSvmRowTest::separable);
        List<AlignedClip> test = clips("te", 20, THREE, r, LinearSvmRowTest::separable);
        TaskSet tasks = tasks(train, val, test);
        LinearSvmRow row = LinearSvmRow.fit(config(GRID, "svc"), tasks, List.of(Modality.AUDIO), train, val, null, 5);
        assertEquals(1.0, row.chosenC(), row.log().toString());
        assertEquals(GRID, List.copyOf(row.validationScores().keySet()));
        assertTrue(row.validationScores().get(1e-4) < 0.9, "the most regularised model leans on the noisy feature: " + row.log());
        List<ClipPrediction> preds = row.predict(test);
        Map<String, Double> m = tasks.evaluate(test, preds);
        assertEquals(1.0, m.get("emotion_accuracy"), 1e-9, row.log().toString());
        List<String> classes = List.of("angry", "happy", "sad");
        for (int i = 0; i < test.size(); i++) {
            float[] p = preds.get(i).task("emotion").clip();
            assertEquals(3, p.length);
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-5);
            assertEquals(test.get(i).labels().emotion(), classes.get(argmax(p)), "scores are in the task's class order");
        }
        assertEquals(3L * 4, row.parameterCount(), "one weight per feature and the bias, per one-vs-rest problem");
    }

    @Test
    void noisyDataPicksTheSmallEndOfTheGridAndBeatsTheLargestC() {
        SplittableRandom r = new SplittableRandom(3);
        List<String> two = List.of("neutral", "angry");
        // a quarter of the training labels flipped: fitting them closely hurts on the clean validation clips
        List<AlignedClip> train = clips("tr", 20, two, r, LinearSvmRowTest::noisy, 0.25);
        List<AlignedClip> val = clips("va", 100, two, r, LinearSvmRowTest::noisy);
        List<AlignedClip> test = clips("te", 100, two, r, LinearSvmRowTest::noisy);
        TaskSet tasks = tasks(train, val, test);
        LinearSvmRow chosen = LinearSvmRow.fit(config(GRID, "svc", "train"), tasks, List.of(Modality.AUDIO), train, val, null, 5);
        assertEquals(1e-4, chosen.chosenC(), chosen.log().toString());
        LinearSvmRow loose = LinearSvmRow.fit(config(List.of(1.0), "svc", "train"), tasks, List.of(Modality.AUDIO), train, List.of(), null, 5);
        double good = tasks.evaluate(test, chosen.predict(test)).get("emotion_uar");
        double bad = tasks.evaluate(test, loose.predict(test)).get("emotion_uar");
        assertTrue(good > bad + 0.1, "C=1e-4 " + good + " vs C=1 " + bad);
        assertTrue(good > 0.8, "not far from the Bayes rate of 0.99: " + good);
    }

    @Test
    void logisticRegressionGivesProbabilitiesAndTheSameClasses() {
        SplittableRandom r = new SplittableRandom(11);
        List<AlignedClip> train = clips("tr", 20, THREE, r, LinearSvmRowTest::separable);
        List<AlignedClip> val = clips("va", 20, THREE, r, LinearSvmRowTest::separable);
        List<AlignedClip> test = clips("te", 20, THREE, r, LinearSvmRowTest::separable);
        TaskSet tasks = tasks(train, val, test);
        LinearSvmRow row = LinearSvmRow.fit(config(List.of(0.01, 1.0, 100.0), "logistic"), tasks, List.of(Modality.AUDIO), train, val, null, 5);
        assertEquals(100.0, row.chosenC(), row.log().toString());
        assertTrue(row.modelText().startsWith("solver_type L2R_LR"), row.modelText());
        assertEquals(1.0, tasks.evaluate(test, row.predict(test)).get("emotion_accuracy"), 1e-9, row.log().toString());
    }

    @Test
    void sameSeedGivesTheSameModelAndScores() {
        SplittableRandom r = new SplittableRandom(3);
        List<String> two = List.of("neutral", "angry");
        List<AlignedClip> train = clips("tr", 30, two, r, LinearSvmRowTest::noisy);
        List<AlignedClip> val = clips("va", 20, two, r, LinearSvmRowTest::noisy);
        TaskSet tasks = tasks(train, val, List.of());
        LinearSvmRow a = LinearSvmRow.fit(config(GRID, "svc"), tasks, List.of(Modality.AUDIO), train, val, null, 42);
        LinearSvmRow b = LinearSvmRow.fit(config(GRID, "svc"), tasks, List.of(Modality.AUDIO), train, val, null, 42);
        assertEquals(a.modelText(), b.modelText());
        assertEquals(a.log(), b.log());
        for (int i = 0; i < val.size(); i++) {
            assertArrayEquals(a.predict(val).get(i).task("emotion").clip(), b.predict(val).get(i).task("emotion").clip());
        }
        assertTrue(a.log().stream().anyMatch(l -> l.startsWith("refit with C=")), a.log().toString());
    }

    @Test
    void liblinearReportIsSummarisedWithIterationsAndLimits() {
        String report = """
                .*
                optimization finished, #iter = 12
                Objective value = -1.2
                nSV = 30
                .....*
                optimization finished, #iter = 300
                Objective value = -3.1
                nSV = 20

                WARNING: reaching max number of iterations
                Switching to use -s 2

                init f 3.998e+01 |g| 1.149e+01
                iter  1 f 3.992e+01 |g| 7.674e+00 CG   3 step_size 1.00e+00
                iter  2 f 3.989e+01 |g| 2.166e+00 CG   3 step_size 1.00e+00
                WARNING: something else
                """;
        assertEquals(List.of("2 problems, dual iterations 12/300", "1 reached the iteration limit",
                "1 Newton solves (primal, -s 2), 2 Newton iterations", "WARNING: something else"), LinearSvm.summarise(report));
    }

    @Test
    void balancedWeightsAreInverseFrequenciesWithMeanOne() {
        double[] w = LinearSvmRow.weights(config(GRID, "svc"), new int[] {0, 0, 0, 1, 2, 2}, 4);
        assertArrayEquals(new double[] {6.0 / 11, 18.0 / 11, 9.0 / 11, 0}, w, 1e-9);
        assertEquals(3.0, w[0] + w[1] + w[2], 1e-9, "mean 1 over the three present classes");
        assertEquals(3.0 * w[0], w[1], 1e-9);
        assertEquals(1.5 * w[0], w[2], 1e-9);
        assertEquals(null, LinearSvmRow.weights(LinearSvmConfig.defaults(), new int[] {0, 1}, 2));
    }

    @Test
    void refusesWhatItCannotServe() {
        SplittableRandom r = new SplittableRandom(1);
        List<AlignedClip> train = clips("tr", 5, THREE, r, LinearSvmRowTest::separable);
        TaskSet tasks = tasks(train, List.of(), List.of());
        IllegalArgumentException noVal = assertThrows(IllegalArgumentException.class,
                () -> LinearSvmRow.fit(config(GRID, "svc"), tasks, List.of(Modality.AUDIO), train, List.of(), null, 1));
        assertTrue(noVal.getMessage().contains("no labelled validation clips") && noVal.getMessage().contains("valFraction"), noVal.getMessage());

        AlignedClip frames = new AlignedClip("frames", "s", 5, 2, Map.of(Modality.AUDIO, new float[6]), Map.of(Modality.AUDIO, 3),
                Map.of(Modality.AUDIO, new boolean[] {true, true}), new ClipLabels("sad", List.of(), null, null));
        List<AlignedClip> withFrames = new ArrayList<>(train);
        withFrames.add(frames);
        TaskSet t2 = tasks(withFrames, List.of(), List.of());
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class,
                () -> LinearSvmRow.fit(config(List.of(1.0), "svc"), t2, List.of(Modality.AUDIO), withFrames, List.of(), null, 1));
        assertTrue(steps.getMessage().contains("frames") && steps.getMessage().contains("2 valid steps")
                && steps.getMessage().contains("segmentSeconds: 0"), steps.getMessage());

        List<AlignedClip> oneClass = train.stream().filter(c -> c.labels().emotion().equals("sad")).toList();
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> LinearSvmRow.fit(config(List.of(1.0), "svc"), tasks(oneClass, List.of(), List.of()), List.of(Modality.AUDIO),
                        oneClass, List.of(), null, 1));
        assertTrue(single.getMessage().contains("at least two"), single.getMessage());

        IllegalArgumentException task = assertThrows(IllegalArgumentException.class,
                () -> LinearSvmRow.checkTasks(List.of("ah", "emotion"), "rows[1].classifier"));
        assertTrue(task.getMessage().startsWith("rows[1].classifier: linear-svm") && task.getMessage().contains("[ah, emotion]"),
                task.getMessage());
        LinearSvmRow.checkTasks(List.of("emotion"), "rows[0].classifier");

        IllegalArgumentException grid = assertThrows(IllegalArgumentException.class, () -> config(List.of(0.1, -1.0), "svc"));
        assertTrue(grid.getMessage().contains("classifier.C"), grid.getMessage());
        assertThrows(IllegalArgumentException.class, () -> config(GRID, "rbf"));
    }

    private static LinearSvmConfig config(List<Double> grid, String solver) {
        return config(grid, solver, null);
    }

    private static LinearSvmConfig config(List<Double> grid, String solver, String refit) {
        return new LinearSvmConfig(grid, "balanced", solver, refit, 0, 0);
    }

    private static TaskSet tasks(List<AlignedClip> train, List<AlignedClip> val, List<AlignedClip> test) {
        List<AlignedClip> all = new ArrayList<>(train);
        all.addAll(val);
        all.addAll(test);
        return SyntheticTasks.of(all, train, "emotion");
    }

    /** {@code perClass} clips of every class, classes interleaved, one step of audio features from {@code gen}. */
    private static List<AlignedClip> clips(String prefix, int perClass, List<String> classes, SplittableRandom r,
                                           java.util.function.BiFunction<Integer, SplittableRandom, double[]> gen) {
        return clips(prefix, perClass, classes, r, gen, 0);
    }

    /** The same with each label replaced by a random other class with probability {@code flip}. */
    private static List<AlignedClip> clips(String prefix, int perClass, List<String> classes, SplittableRandom r,
                                           java.util.function.BiFunction<Integer, SplittableRandom, double[]> gen, double flip) {
        List<AlignedClip> out = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            for (int k = 0; k < classes.size(); k++) {
                double[] x = gen.apply(k, r);
                float[] f = new float[x.length];
                for (int d = 0; d < x.length; d++) {
                    f[d] = (float) x[d];
                }
                int label = flip > 0 && r.nextDouble() < flip ? (k + 1 + r.nextInt(classes.size() - 1)) % classes.size() : k;
                out.add(new AlignedClip(prefix + i + "-" + k, prefix, 1, 1, Map.of(Modality.AUDIO, f), Map.of(Modality.AUDIO, x.length),
                        Map.of(Modality.AUDIO, new boolean[] {true}), new ClipLabels(classes.get(label), List.of(), null, null)));
            }
        }
        return out;
    }

    private static double gauss(SplittableRandom r) {
        // Box-Muller from the seeded stream
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
