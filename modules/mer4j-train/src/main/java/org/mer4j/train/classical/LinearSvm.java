package org.mer4j.train.classical;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One LIBLINEAR model (Fan, Chang, Hsieh, Wang and Lin, "LIBLINEAR: A Library for Large Linear
 * Classification", JMLR 9, 2008; the pure-Java port {@code de.bwaldvogel:liblinear}) on dense
 * feature rows: one-vs-rest, a bias feature of value 1 ({@code -B 1}), the class costs
 * {@code C * weight[k]}, and the solver's random coordinate order drawn from the given seed, so the
 * same data, settings and seed give the same model. Scores per class in the caller's class order:
 * probabilities for logistic regression, a softmax of the one-vs-rest decision values for the SVC
 * (monotone in the decision values, so the arg-max is LIBLINEAR's prediction; not a calibrated
 * probability). A class absent from the fitted data scores 0.
 */
final class LinearSvm {
    /** LIBLINEAR reports through one static stream: fits are serialised so each captures its own lines. */
    private static final Object LIBLINEAR = new Object();

    private final Model model;
    private final int classes;
    private final int[] classOfLabel;
    private final List<String> messages;

    private LinearSvm(Model model, int classes, List<String> messages) {
        this.model = model;
        this.classes = classes;
        this.messages = List.copyOf(messages);
        int[] labels = model.getLabels();
        this.classOfLabel = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            classOfLabel[i] = labels[i];
        }
    }

    /**
     * Fits a model.
     *
     * @param x one dense feature row per sample (all of the same width)
     * @param y each sample's class index in {@code [0, classes)}
     * @param weights per class index, the factor on C (null: all 1)
     * @param logistic L2-regularised logistic regression instead of the L2-loss SVC (dual)
     */
    static LinearSvm fit(double[][] x, int[] y, int classes, double c, double[] weights, boolean logistic, double tolerance,
                         int maxIterations, long seed) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("LIBLINEAR needs as many labels as rows and at least one row, got " + x.length + " rows and "
                    + y.length + " labels");
        }
        Problem problem = new Problem();
        problem.l = x.length;
        problem.n = x[0].length + 1;
        problem.bias = 1;
        problem.x = new Feature[x.length][];
        problem.y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            problem.x[i] = row(x[i], 1);
            problem.y[i] = y[i];
        }
        Parameter parameter = new Parameter(logistic ? SolverType.L2R_LR : SolverType.L2R_L2LOSS_SVC_DUAL, c, tolerance);
        parameter.setMaxIters(maxIterations);
        parameter.setRandom(new Random(seed));
        if (weights != null) {
            // only the classes in the data: LIBLINEAR warns about a weight for a label it does not see
            int[] labels = Arrays.stream(y).distinct().sorted().toArray();
            double[] w = new double[labels.length];
            for (int i = 0; i < labels.length; i++) {
                w[i] = weights[labels[i]];
            }
            parameter.setWeights(w, labels);
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Model model;
        synchronized (LIBLINEAR) {
            Linear.setDebugOutput(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                model = Linear.train(problem, parameter);
            } finally {
                Linear.disableDebugOutput();
            }
        }
        List<String> messages = summarise(captured.toString(StandardCharsets.UTF_8));
        return new LinearSvm(model, classes, messages);
    }

    /** Per class index, the score of {@code x} (see the class doc). */
    float[] scores(double[] x) {
        Feature[] row = row(x, model.getBias());
        int present = classOfLabel.length;
        double[] values = new double[present];
        float[] out = new float[classes];
        if (model.isProbabilityModel()) {
            Linear.predictProbability(model, row, values);
            for (int i = 0; i < present; i++) {
                out[classOfLabel[i]] = (float) values[i];
            }
            return out;
        }
        double[] decision = new double[present == 2 ? 1 : present];
        Linear.predictValues(model, row, decision);
        if (present == 2) {
            values[0] = decision[0];
            values[1] = -decision[0];
        } else {
            values = decision;
        }
        double max = Arrays.stream(values).max().orElse(0);
        double sum = 0;
        for (int i = 0; i < present; i++) {
            values[i] = Math.exp(values[i] - max);
            sum += values[i];
        }
        for (int i = 0; i < present; i++) {
            out[classOfLabel[i]] = (float) (values[i] / sum);
        }
        return out;
    }

    /**
     * LIBLINEAR's report in a few lines: per one-vs-rest problem the dual solver's iterations, how many
     * stopped at its fixed limit of 300 (LIBLINEAR then finishes with its primal Newton solver,
     * {@code -s 2}) and that solver's iterations; other lines (warnings) verbatim, once each.
     */
    static List<String> summarise(String report) {
        List<String> dual = new ArrayList<>();
        int limit = 0;
        int newtonSolves = 0;
        int newtonIterations = 0;
        java.util.LinkedHashSet<String> other = new java.util.LinkedHashSet<>();
        java.util.regex.Pattern finished = java.util.regex.Pattern.compile("optimization finished, #iter = (\\d+)");
        for (String raw : report.split("\n")) {
            String line = raw.strip();
            java.util.regex.Matcher m = finished.matcher(line);
            if (line.isEmpty() || line.matches("[.*]+") || line.startsWith("Objective value") || line.startsWith("nSV")
                    || line.startsWith("Switching to use -s 2")) {
                continue;
            } else if (m.find()) {
                dual.add(m.group(1));
            } else if (line.startsWith("WARNING: reaching max number of iterations")) {
                limit++;
            } else if (line.startsWith("init f")) {
                newtonSolves++;
            } else if (line.matches("iter\\s+\\d+ .*")) {
                newtonIterations++;
            } else {
                other.add(line);
            }
        }
        List<String> out = new ArrayList<>();
        if (!dual.isEmpty()) {
            out.add(dual.size() + " problems, dual iterations " + String.join("/", dual));
        }
        if (limit > 0) {
            out.add(limit + " reached the iteration limit");
        }
        if (newtonSolves > 0) {
            out.add(newtonSolves + " Newton solves" + (dual.isEmpty() ? "" : " (primal, -s 2)") + ", " + newtonIterations + " Newton iterations");
        }
        out.addAll(other);
        return out;
    }

    /** Number of weights: one per feature and the bias, for each one-vs-rest problem. */
    long parameterCount() {
        return (long) model.getFeatureWeights().length;
    }

    /** What LIBLINEAR reported while fitting (iterations, warnings such as reaching the iteration limit). */
    List<String> messages() {
        return messages;
    }

    /** The model in LIBLINEAR's own text format ({@code liblinear-train}'s model file). */
    String modelText() {
        StringWriter w = new StringWriter();
        try {
            model.save(w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    private static Feature[] row(double[] x, double bias) {
        Feature[] f = new Feature[x.length + (bias >= 0 ? 1 : 0)];
        for (int d = 0; d < x.length; d++) {
            f[d] = new FeatureNode(d + 1, x[d]);
        }
        if (bias >= 0) {
            f[x.length] = new FeatureNode(x.length + 1, bias);
        }
        return f;
    }
}
