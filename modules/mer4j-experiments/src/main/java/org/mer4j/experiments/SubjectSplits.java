package org.mer4j.experiments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Subject-independent splits. Subjects are shuffled with the given seed and dealt into k test
 * groups ({@code subject-kfold}) or one group per subject ({@code loso}, and {@code personalisation}, whose
 * test subject is the adaptation target); in each fold a share of
 * the remaining subjects becomes the validation set. The same subjects and seed give the same folds.
 */
public final class SubjectSplits {
    private SubjectSplits() {
    }

    /** Builds the folds of a protocol over the given subjects (not for group-out, see the other overload). */
    public static List<Fold> folds(ProtocolConfig protocol, List<String> subjects, long seed) {
        return folds(protocol, subjects, Map.of(), seed);
    }

    /**
     * Builds the folds of a protocol over the given subjects; for {@code group-out}, one fold per
     * group (sorted), whose subjects are the test set, with a validation share of the other subjects.
     *
     * @param groupOfSubject each subject's group ({@code protocol.groupBy}); only read by group-out
     */
    public static List<Fold> folds(ProtocolConfig protocol, List<String> subjects, Map<String, String> groupOfSubject, long seed) {
        if (protocol.type().equals(ProtocolConfig.GROUP_OUT)) {
            return groupFolds(protocol, subjects, groupOfSubject, seed);
        }
        if (protocol.type().equals("official")) {
            return List.of(new Fold(0, List.of("train"), List.of("val"), List.of("test"), Fold.SPLIT));
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(subjects));
        boolean oneSubjectPerFold = protocol.type().equals("loso") || protocol.type().equals(ProtocolConfig.PERSONALISATION);
        int k = oneSubjectPerFold ? sorted.size() : protocol.folds();
        if (sorted.size() < Math.max(3, k)) {
            throw new IllegalArgumentException("protocol needs at least " + Math.max(3, k) + " subjects for " + k
                    + " folds with a validation set, the corpus has " + sorted.size() + "; lower protocol.folds");
        }
        List<String> shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled, new Random(seed));
        List<Fold> folds = new ArrayList<>();
        int kept = protocol.targets() > 0 ? Math.min(k, protocol.targets()) : k;
        for (int f = 0; f < kept; f++) {
            List<String> test = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % k == f ? test : rest).add(shuffled.get(i));
            }
            int nVal = Math.max(1, (int) Math.round(rest.size() * protocol.valFraction()));
            List<String> val = new ArrayList<>(rest.subList(0, nVal));
            List<String> train = new ArrayList<>(rest.subList(nVal, rest.size()));
            Collections.sort(test);
            Collections.sort(val);
            Collections.sort(train);
            folds.add(new Fold(f, train, val, test));
        }
        return folds;
    }

    private static List<Fold> groupFolds(ProtocolConfig protocol, List<String> subjects, Map<String, String> groupOfSubject, long seed) {
        Map<String, List<String>> byGroup = new java.util.TreeMap<>();
        for (String subject : new TreeSet<>(subjects)) {
            String group = groupOfSubject.get(subject);
            if (group == null) {
                throw new IllegalArgumentException("protocol group-out: subject " + subject + " has no metadata." + protocol.groupBy()
                        + "; every clip needs it (check the manifest or the adapter)");
            }
            byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(subject);
        }
        if (byGroup.size() < 2) {
            throw new IllegalArgumentException("protocol group-out: metadata." + protocol.groupBy() + " has " + byGroup.size()
                    + " value(s) " + byGroup.keySet() + "; leaving one group out needs at least 2");
        }
        List<Fold> folds = new ArrayList<>();
        int f = 0;
        for (Map.Entry<String, List<String>> g : byGroup.entrySet()) {
            List<String> rest = new ArrayList<>();
            byGroup.forEach((name, members) -> {
                if (!name.equals(g.getKey())) {
                    rest.addAll(members);
                }
            });
            Collections.shuffle(rest, new Random(seed + f));
            int nVal = Math.max(1, (int) Math.round(rest.size() * protocol.valFraction()));
            if (nVal >= rest.size()) {
                throw new IllegalArgumentException("protocol group-out: leaving out " + protocol.groupBy() + "=" + g.getKey() + " leaves "
                        + rest.size() + " subject(s), too few to train and validate");
            }
            List<String> val = new ArrayList<>(rest.subList(0, nVal));
            List<String> train = new ArrayList<>(rest.subList(nVal, rest.size()));
            Collections.sort(val);
            Collections.sort(train);
            folds.add(new Fold(f++, train, val, g.getValue()));
        }
        return folds;
    }
}
