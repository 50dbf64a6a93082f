package org.mer4j.experiments;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.ClipLabels;
import org.mer4j.train.ClipPrediction;
import org.mer4j.train.TrainedModel;
import org.mer4j.train.tasks.Task;
import org.mer4j.train.tasks.TaskSet;

/**
 * Subject-based adaptation, the personalisation protocol of the BAH paper (Belharbi et al. 2025):
 * the target subject's clips are split into unlabelled adaptation clips and labelled test clips;
 * the model is trained on the labelled source subjects and adapted with the adaptation clips only
 * (their labels are removed before anything sees them), then scored on the test clips. The three
 * methods are in {@link AdaptationConfig}; the split is the same for every row of a seed and fold,
 * so the methods are compared on the same test clips.
 */
final class SubjectAdaptation {
    private SubjectAdaptation() {
    }

    /** A target subject's clips: the unlabelled adaptation share and the test share. */
    record Split(List<AlignedClip> adaptation, List<AlignedClip> test) {
    }

    /**
     * Splits the target's clips: shuffled by {@code seed} from id order, the first
     * {@code adaptFraction} (at least one clip, leaving at least one) lose their labels and become
     * adaptation clips, the rest are test clips.
     *
     * @throws IllegalArgumentException when the target has fewer than two clips
     */
    static Split split(List<AlignedClip> target, double adaptFraction, long seed) {
        if (target.size() < 2) {
            throw new IllegalArgumentException("personalisation: target subject " + (target.isEmpty() ? "?" : target.get(0).subject())
                    + " has " + target.size() + " clip(s); it needs at least 2 (adaptation and test). Use another protocol or"
                    + " drop the subject from the manifest");
        }
        List<AlignedClip> order = new ArrayList<>(target);
        order.sort(Comparator.comparing(AlignedClip::clipId));
        SplittableRandom random = new SplittableRandom(seed ^ 0x5ca1ab1eL);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            AlignedClip t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        int nAdapt = Math.min(order.size() - 1, Math.max(1, (int) Math.round(order.size() * adaptFraction)));
        List<AlignedClip> adaptation = order.subList(0, nAdapt).stream()
                .map(c -> c.withIdAndLabels(c.clipId(), ClipLabels.none())).toList();
        List<AlignedClip> test = new ArrayList<>(order.subList(nAdapt, order.size()));
        test.sort(Comparator.comparing(AlignedClip::clipId));
        return new Split(adaptation, test);
    }

    /** The tasks that cannot make pseudo-labels, for a clear error before training. */
    static List<String> tasksWithoutPseudoLabels(TaskSet tasks) {
        return tasks.tasks().stream().filter(t -> !t.supportsPseudoLabels()).map(Task::name).toList();
    }

    /**
     * Self-training: {@code rounds} times, the current model labels the adaptation clips, those on
     * which every task is at least {@code minConfidence} sure join the source training clips, and a
     * new model is trained from scratch on them ({@code fit} with the round number).
     *
     * @param fit trains a model on the given training clips; round 0 is the source model
     * @param log one line per round: how many adaptation clips were confident enough
     * @return the last model (the caller closes it)
     */
    static TrainedModel selfTrain(Fit fit, TaskSet tasks, List<AlignedClip> source, List<AlignedClip> adaptation,
                                  AdaptationConfig config, StringBuilder log) throws IOException {
        TrainedModel model = fit.train(new Round(0, source));
        for (int round = 1; round <= config.rounds(); round++) {
            List<AlignedClip> pseudo = pseudoLabelled(tasks, model, adaptation, config.minConfidence(), round);
            log.append(String.format(java.util.Locale.ROOT, "self-training round %d: %d of %d adaptation clips pseudo-labelled"
                    + " (confidence >= %.2f)%n", round, pseudo.size(), adaptation.size(), config.minConfidence()));
            List<AlignedClip> train = new ArrayList<>(source);
            train.addAll(pseudo);
            model.close();
            model = fit.train(new Round(round, train));
        }
        return model;
    }

    /** Trains one model (FusionTrainer with the row's model, tasks and validation clips). */
    @FunctionalInterface
    interface Fit {
        TrainedModel train(Round round) throws IOException;
    }

    /** One training of self-training: the round (0 = source only) and its training clips. */
    record Round(int number, List<AlignedClip> train) {
    }

    /** The adaptation clips every task is confident on, with the model's labels, under round-specific ids. */
    static List<AlignedClip> pseudoLabelled(TaskSet tasks, TrainedModel model, List<AlignedClip> adaptation, double minConfidence, int round) {
        List<ClipPrediction> predictions = model.predict(adaptation);
        List<AlignedClip> out = new ArrayList<>();
        for (int i = 0; i < adaptation.size(); i++) {
            AlignedClip clip = adaptation.get(i);
            ClipPrediction prediction = predictions.get(i);
            Optional<ClipLabels> labels = Optional.of(ClipLabels.none());
            for (Task task : tasks.tasks()) {
                labels = labels.flatMap(l -> task.pseudoLabel(l, clip, prediction.task(task.name()), minConfidence));
            }
            labels.ifPresent(l -> out.add(clip.withIdAndLabels(clip.clipId() + "~pseudo" + round, l)));
        }
        return out;
    }
}
