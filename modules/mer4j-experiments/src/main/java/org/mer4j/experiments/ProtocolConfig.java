package org.mer4j.experiments;

import java.util.List;

/**
 * Evaluation protocol.
 *
 * @param type {@code subject-kfold} (subjects dealt into k folds), {@code loso} (leave one subject
 *     out) or {@code official} (the corpus's own train/val/test split from each clip's {@code split};
 *     subjects may then appear on both sides, as the corpus defines) or {@code personalisation}
 *     (subject-based adaptation as in the BAH paper: every subject in turn is the target; the others
 *     are the labelled source; the target's clips are split into unlabelled adaptation clips and
 *     test clips, see {@link SubjectAdaptation}), {@code group-out} (leave one group of subjects out: one
 *     fold per value of the clip metadata key {@code groupBy}, e.g. IEMOCAP's five sessions) or
 *     {@code cross-corpus} (see {@code target})
 * @param folds k for subject-kfold
 * @param valFraction share of each fold's training subjects held out for model selection
 * @param adaptFraction personalisation: share of each target subject's clips given, without labels,
 *     for adaptation (default 0.5); the rest are its test clips
 * @param targets personalisation: how many subjects (drawn with the experiment's seed) are targets in
 *     turn; 0 (default) means every subject
 * @param groupBy group-out: the manifest metadata key that groups subjects (every clip of a subject must
 *     have the same value)
 * @param target cross-corpus: the test corpus and its label mapping (type {@code cross-corpus}: train
 *     and validate on every subject of {@code data}, test on every clip of {@code target.data})
 */
public record ProtocolConfig(String type, int folds, double valFraction, double adaptFraction, int targets, String groupBy,
                             CrossCorpusConfig target) {
    /** Type name of the personalisation protocol. */
    public static final String PERSONALISATION = "personalisation";
    /** Type name of the cross-corpus protocol. */
    public static final String CROSS_CORPUS = "cross-corpus";
    /** Type name of the leave-one-group-out protocol. */
    public static final String GROUP_OUT = "group-out";

    public ProtocolConfig(String type, int folds, double valFraction) {
        this(type, folds, valFraction, 0, 0, null, null);
    }

    public ProtocolConfig {
        type = type == null ? "subject-kfold" : type;
        folds = folds == 0 ? 3 : folds;
        valFraction = valFraction == 0 ? 0.2 : valFraction;
        adaptFraction = adaptFraction == 0 ? 0.5 : adaptFraction;
        if (!List.of("subject-kfold", "loso", "official", PERSONALISATION, CROSS_CORPUS, GROUP_OUT).contains(type)) {
            throw new IllegalArgumentException("protocol.type must be subject-kfold, loso, official, personalisation, group-out or"
                    + " cross-corpus, got '" + type + "'");
        }
        if (type.equals(GROUP_OUT) == (groupBy == null || groupBy.isBlank())) {
            throw new IllegalArgumentException(type.equals(GROUP_OUT)
                    ? "protocol.groupBy: group-out needs the metadata key that groups subjects, e.g. groupBy: session"
                    : "protocol.groupBy: only read by protocol.type group-out; remove it or set the type");
        }
        if (type.equals(CROSS_CORPUS) != (target != null)) {
            throw new IllegalArgumentException(target == null
                    ? "protocol.target: cross-corpus needs the test corpus, e.g. target: {data: {adapter: ravdess, root: <folder>},"
                            + " emotionMap: {angry: anger}}"
                    : "protocol.target: only read by protocol.type cross-corpus; remove it or set the type");
        }
        if (targets < 0 || (targets > 0 && !type.equals(PERSONALISATION))) {
            throw new IllegalArgumentException("protocol.targets: a count >= 1 of target subjects, only for protocol.type "
                    + PERSONALISATION + "; got " + targets + " with " + type);
        }
        if (!(adaptFraction > 0 && adaptFraction < 1)) {
            throw new IllegalArgumentException("protocol.adaptFraction must be in (0, 1), got " + adaptFraction);
        }
        if (type.equals("subject-kfold") && folds < 2) {
            throw new IllegalArgumentException("protocol.folds must be >= 2 for subject-kfold, got " + folds);
        }
        if (!(valFraction > 0 && valFraction < 0.5)) {
            throw new IllegalArgumentException("protocol.valFraction must be in (0, 0.5), got " + valFraction);
        }
    }

    public static ProtocolConfig defaults() {
        return new ProtocolConfig("subject-kfold", 3, 0.2, 0.5, 0, null, null);
    }
}
