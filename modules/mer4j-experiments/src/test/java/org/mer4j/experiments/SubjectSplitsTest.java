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

    @Test
    void groupOutLeavesOneWholeGroupOutPerFold() {
        List<String> subjects = List.of("s1F", "s1M", "s2F", "s2M", "s3F", "s3M");
        java.util.Map<String, String> session = java.util.Map.of("s1F", "1", "s1M", "1", "s2F", "2", "s2M", "2", "s3F", "3", "s3M", "3");
        ProtocolConfig p = new ProtocolConfig("group-out", 0, 0.25, 0, 0, "session", null);
        List<Fold> folds = SubjectSplits.folds(p, subjects, session, 9);
        assertEquals(3, folds.size(), "one fold per session");
        for (int f = 0; f < 3; f++) {
            String g = String.valueOf(f + 1);
            assertEquals(List.of("s" + g + "F", "s" + g + "M"), folds.get(f).test());
            assertEquals(1, folds.get(f).val().size());
            assertEquals(3, folds.get(f).train().size());
            assertTrue(folds.get(f).train().stream().noneMatch(s -> s.startsWith("s" + g)), "no test-group subject trains");
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SubjectSplits.folds(p, subjects, java.util.Map.of("s1F", "1"), 9));
        assertTrue(e.getMessage().contains("metadata.session"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ProtocolConfig("group-out", 0, 0.25, 0, 0, null, null));
    }
}
