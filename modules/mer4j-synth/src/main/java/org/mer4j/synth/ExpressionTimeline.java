package org.mer4j.synth;

import java.util.List;
import org.mer4j.api.Modality;

/**
 * The face's expression over a clip: each segment's face emotion (scaled by the subject's
 * expressiveness, plus gaze-down/brow-knit when the face carries the hesitation cue), cross-faded
 * with a smoothstep over {@value #TRANSITION_SECONDS} s around segment boundaries, with jaw opening
 * while syllables are voiced and eyelid closure during blinks.
 */
public final class ExpressionTimeline {
    /** Length of the cross-fade between two segments' expressions. */
    public static final double TRANSITION_SECONDS = 0.3;
    private static final double BLINK_SECONDS = 0.16;

    private final ClipPlan plan;
    private final FaceParams[] targets;
    private final List<Syllable> syllables;

    public ExpressionTimeline(ClipPlan plan, SubjectProfile subject) {
        this.plan = plan;
        this.targets = new FaceParams[plan.segments().size()];
        for (SegmentPlan s : plan.segments()) {
            FaceParams p = FaceParams.of(s.face(), subject.faceExpressiveness());
            targets[s.index()] = s.hesitationCue() == Modality.VIDEO ? p.withHesitation(1) : p;
        }
        this.syllables = plan.syllables();
    }

    /** The expression at time {@code t} seconds. */
    public FaceParams at(double t) {
        SegmentPlan seg = plan.segmentAt(t);
        FaceParams p = targets[seg.index()];
        double half = TRANSITION_SECONDS / 2;
        if (seg.index() > 0 && t - seg.start() < half) {
            p = targets[seg.index() - 1].lerp(p, smoothstep((t - seg.start() + half) / TRANSITION_SECONDS));
        } else if (seg.index() + 1 < targets.length && seg.end() - t < half) {
            p = p.lerp(targets[seg.index() + 1], smoothstep((t - seg.end() + half) / TRANSITION_SECONDS));
        }
        return p.withMotion(articulation(t), blink(t));
    }

    private double articulation(double t) {
        Syllable s = SpeechSynthesizer.voicedAt(syllables, t);
        if (s == null) {
            return 0;
        }
        double progress = (t - s.voicedStart()) / (s.end() - s.voicedStart());
        return 0.45 * Math.sin(Math.PI * progress) * Math.min(1, 0.4 + s.amplitude());
    }

    private double blink(double t) {
        for (double b : plan.blinks()) {
            double x = (t - b) / BLINK_SECONDS;
            if (x >= 0 && x < 1) {
                return 1 - Math.abs(2 * x - 1);
            }
        }
        return 0;
    }

    private static double smoothstep(double x) {
        double c = Math.max(0, Math.min(1, x));
        return c * c * (3 - 2 * c);
    }
}
