package org.mer4j.synth;

import java.util.List;

/**
 * The label-level plan of a whole corpus: its participants and every clip's {@link ClipPlan}.
 *
 * @param subjects participants in id order
 * @param clips clips, grouped by subject, in id order
 */
public record CorpusPlan(List<SubjectProfile> subjects, List<ClipPlan> clips) {
    public CorpusPlan {
        subjects = List.copyOf(subjects);
        clips = List.copyOf(clips);
    }

    /** The profile of subject {@code id}. */
    public SubjectProfile subject(String id) {
        return subjects.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no subject '" + id + "' in the corpus plan"));
    }
}
