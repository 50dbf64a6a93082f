package org.mer4j.train.tasks;

import java.util.List;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.TimeSegment;

/**
 * Cross-modal emotional inconsistency recognition: whether face, voice and words express
 * different emotions, per step from the manifest's {@code inconsistentSegments} and per clip from
 * {@code inconsistent} (or "has an inconsistent segment"). The label of the ATEI line of work (Su et
 * al. 2024: mismatch between acoustic and textual emotion) and of the conflict subsets of CA-MER
 * (2025). A clip annotated only at clip level trains through the clip loss
 * ({@code clipLossWeight}). Metric keys {@code inconsistency_frame_*} and {@code inconsistency_clip_*}.
 */
public final class InconsistencyTask extends BinaryEventTask {
    /** Type name in configs. */
    public static final String TYPE = "inconsistency";

    InconsistencyTask(BinaryEventConfig config, TaskContext context) {
        super(config, "clip", context);
    }

    @Override
    protected Boolean stepLabel(AlignedClip clip, double t) {
        return clip.labels().inconsistentAt(t);
    }

    @Override
    protected Boolean clipLabel(AlignedClip clip) {
        return clip.labels().inconsistentLabel();
    }

    @Override
    protected ClipLabels withLabels(ClipLabels into, List<TimeSegment> segments, boolean clipValue) {
        return into.withInconsistency(segments, clipValue);
    }

    /** Registers {@link InconsistencyTask} as {@code inconsistency}. */
    public static final class Provider extends BinaryEventTask.Provider {
        public Provider() {
            super(TYPE, "clip");
        }

        @Override
        public Task create(BinaryEventConfig config, TaskContext context) {
            return new InconsistencyTask(config, context);
        }
    }
}
