package org.mer4j.experiments;

/**
 * Evaluation protocol.
 *
 * @param type {@code subject-kfold} (subjects dealt into k folds), {@code loso} (leave one subject
 *     out) or {@code official} (the corpus's own train/val/test split from each clip's {@code split};
 *     subjects may then appear on both sides, as the corpus defines)
 * @param folds k for subject-kfold
 * @param valFraction share of each fold's training subjects held out for model selection
 */
public record ProtocolConfig(String type, int folds, double valFraction) {
    public ProtocolConfig {
        type = type == null ? "subject-kfold" : type;
        folds = folds == 0 ? 3 : folds;
        valFraction = valFraction == 0 ? 0.2 : valFraction;
        if (!type.equals("subject-kfold") && !type.equals("loso") && !type.equals("official")) {
            throw new IllegalArgumentException("protocol.type must be subject-kfold, loso or official, got '" + type + "'");
        }
        if (type.equals("subject-kfold") && folds < 2) {
            throw new IllegalArgumentException("protocol.folds must be >= 2 for subject-kfold, got " + folds);
        }
        if (!(valFraction > 0 && valFraction < 0.5)) {
            throw new IllegalArgumentException("protocol.valFraction must be in (0, 0.5), got " + valFraction);
        }
    }

    public static ProtocolConfig defaults() {
        return new ProtocolConfig("subject-kfold", 3, 0.2);
    }
}
