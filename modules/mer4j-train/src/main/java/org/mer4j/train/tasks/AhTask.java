package org.mer4j.train.tasks;

import java.util.List;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.ClipLabels;
import org.mer4j.api.TimeSegment;

/**
 * Ambivalence/hesitancy (A/H) recognition as in the BAH corpus (Belharbi et al. 2025, "BAH Dataset
 * for Ambivalence/Hesitancy Recognition in Videos for Behavioural Change"): frame labels from the
 * manifest's {@code ahSegments} (1 inside, 0 elsewhere), the video label from {@code ahVideo} (or
 * "has an A/H segment"). Metric keys {@code ah_frame_*} and {@code ah_video_*}.
 */
public final class AhTask extends BinaryEventTask {
    /** Type name in configs. */
    public static final String TYPE = "ah";

    AhTask(BinaryEventConfig config, TaskContext context) {
        super(config, "video", context);
    }

    @Override
    protected Boolean stepLabel(AlignedClip clip, double t) {
        return clip.labels().ahAt(t);
    }

    @Override
    protected Boolean clipLabel(AlignedClip clip) {
        return clip.labels().ahVideoLabel();
    }

    @Override
    protected ClipLabels withLabels(ClipLabels into, List<TimeSegment> segments, boolean clipValue) {
        return into.withAh(segments, clipValue);
    }

    /** Registers {@link AhTask} as {@code ah}. */
    public static final class Provider extends BinaryEventTask.Provider {
        public Provider() {
            super(TYPE, "video");
        }

        @Override
        public Task create(BinaryEventConfig config, TaskContext context) {
            return new AhTask(config, context);
        }
    }
}
