package org.mer4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SubjectSplitsTest {
    private final List<String> subjects = IntStream.range(0, 12).mapToObj(i -> "s" + i).toList();

    @Test
    void foldsAreSubjectDisjointAndCoverEverySubjectOnceAsTest() {
        List<Fold> folds = SubjectSplits.folds(new ProtocolConfig("subject-kfold", 3, 0.2), subjects, 42);
        assertEquals(3, folds.size());
        Set<String> tested = new HashSet<>();
        for (Fold f : folds) {
            Set<String> all = new HashSet<>();
            all.addAll(f.train());
            all.addAll(f.val());
            all.addAll(f.test());
            assertEquals(f.train().size() + f.val().size() + f.test().size(), all.size(), "a subject on two sides in fold " + f.index());
            assertEquals(12, all.size());
            assertTrue(f.val().size() >= 1);
            f.test().forEach(s -> assertTrue(tested.add(s), s + " tested twice"));
        }
        assertEquals(12, tested.size());
    }

    @Test
    void sameSeedSameFoldsOtherSeedOtherFolds() {
        ProtocolConfig p = new ProtocolConfig("subject-kfold", 3, 0.2);
        assertEquals(SubjectSplits.folds(p, subjects, 1), SubjectSplits.folds(p, subjects, 1));
        assertTrue(!SubjectSplits.folds(p, subjects, 1).equals(SubjectSplits.folds(p, subjects, 2)));
    }

    @Test
    void leaveOneSubjectOutHasOneFoldPerSubject() {
        List<Fold> folds = SubjectSplits.folds(new ProtocolConfig("loso", 0, 0.2), subjects, 5);
        assertEquals(12, folds.size());
        folds.forEach(f -> assertEquals(1, f.test().size()));
    }
}
