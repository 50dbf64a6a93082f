package org.mer4j.experiments.robustness;

import java.util.List;
import org.mer4j.api.Modality;

/**
 * The robustness experiment of a config ({@code robustness:}), in the style of MultiBench (Liang et
 * al. 2021, "MultiBench: Multiscale Benchmarks for Multimodal Representation Learning", NeurIPS
 * Datasets and Benchmarks): every trained run is also scored on its test clips with one modality
 * perturbed at a time, at each level, and the experiment writes the metric per row against the level
 * as a table and a plot.
 *
 * @param noise standard deviations of Gaussian noise added to the perturbed modality's valid steps,
 *     in units of the standardised features (0 = clean); token-id columns are never noised
 * @param missing shares in [0,1] of test clips whose perturbed modality is absent (mask 0, as when
 *     the stream is missing)
 * @param modalities the modalities to perturb, one at a time (default: video, audio, text; a row is
 *     probed on those it reads)
 * @param metrics the metrics to tabulate (default: the report's metrics)
 */
public record RobustnessConfig(List<Double> noise, List<Double> missing, List<String> modalities, List<String> metrics) {
    public RobustnessConfig {
        noise = noise == null ? List.of() : List.copyOf(noise);
        missing = missing == null ? List.of() : List.copyOf(missing);
        modalities = modalities == null || modalities.isEmpty() ? List.of("video", "audio", "text") : List.copyOf(modalities);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        if (noise.isEmpty() && missing.isEmpty()) {
            throw new IllegalArgumentException("robustness: give noise levels and/or missing rates, e.g. noise: [0, 0.5, 1, 2],"
                    + " missing: [0, 0.25, 0.5, 0.75, 1]");
        }
        for (double n : noise) {
            if (!(n >= 0) || Double.isInfinite(n)) {
                throw new IllegalArgumentException("robustness.noise: levels are noise standard deviations >= 0, got " + n);
            }
        }
        for (double r : missing) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("robustness.missing: rates are shares of test clips in [0,1], got " + r);
            }
        }
        for (String m : modalities) {
            Modality.parse(m);
        }
    }

    /** The perturbed modalities, parsed. */
    public List<Modality> parsedModalities() {
        return modalities.stream().map(Modality::parse).toList();
    }
}
