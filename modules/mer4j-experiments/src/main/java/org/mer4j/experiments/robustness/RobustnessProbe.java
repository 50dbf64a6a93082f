package org.mer4j.experiments.robustness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;
import org.mer4j.models.TokenInput;
import org.mer4j.train.TrainedModel;

/**
 * Scores a trained run on its test clips with each read modality perturbed at each level of a
 * {@link RobustnessConfig}; the results go to the run folder's {@code robustness.json}.
 */
public final class RobustnessProbe {
    /** Kind of a perturbation. */
    public static final String NOISE = "noise";
    /** Kind of a perturbation. */
    public static final String MISSING = "missing";

    /**
     * One score: {@code metrics} of the run with {@code modality} perturbed by {@code kind} at {@code level}.
     */
    public record Result(String modality, String kind, double level, Map<String, Double> metrics) {
    }

    private RobustnessProbe() {
    }

    /**
     * @param modalities the modalities the run's model reads
     * @param seed the run seed; each (modality, kind, level) draws from its own stream of it
     */
    public static List<Result> run(TrainedModel model, List<AlignedClip> test, List<Modality> modalities, RobustnessConfig cfg, long seed) {
        List<Result> out = new ArrayList<>();
        SplittableRandom root = new SplittableRandom(seed);
        for (Modality m : cfg.parsedModalities()) {
            if (!modalities.contains(m)) {
                continue;
            }
            TokenInput token = model.spec().token(m);
            int skip = token == null ? -1 : token.column();
            for (double level : cfg.noise()) {
                List<AlignedClip> clips = Perturbations.noisy(test, m, level, skip, root.split().nextLong());
                out.add(new Result(m.key(), NOISE, level, model.evaluate(clips)));
            }
            for (double level : cfg.missing()) {
                List<AlignedClip> clips = Perturbations.missing(test, m, level, root.split().nextLong());
                out.add(new Result(m.key(), MISSING, level, model.evaluate(clips)));
            }
        }
        return out;
    }

    /** The results as JSON-ready maps. */
    public static List<Map<String, Object>> toJson(List<Result> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("modality", r.modality());
            m.put("kind", r.kind());
            m.put("level", r.level());
            m.put("metrics", r.metrics());
            out.add(m);
        }
        return out;
    }
}
