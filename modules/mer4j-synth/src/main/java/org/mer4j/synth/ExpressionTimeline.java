package org.mer4j.synth;

import java.util.List;
import org.mer4j.api.Modality;

/**
 * The face's expression over a clip: each segment's face emotion (scaled by the subject's
 * expressiveness and the segment's face intensity, plus gaze-down/brow-knit when the face carries the hesitation cue), cross-faded
 * with a smoothstep over {@value #TRANSITION_SECONDS} s around segment boundaries
 * ({@link SegmentCrossfade}, shared with the valence/arousal trace), with jaw opening
 * while syllables are voiced and eyelid closure during blinks.
 */
public final class ExpressionTimeline {
    /** Length of the cross-fade between two segments' expressions. */
    public static final double TRANSITION_SECONDS = SegmentCrossfade.TRANSITION_SECONDS;
    private static final double BLINK_SECONDS = 0.16;

    private final ClipPlan plan;
    private final FaceParams[] targets;
    private final List<Syllable> syllables;

    public ExpressionTimeline(ClipPlan plan, SubjectProfile subject) {
        this.plan = plan;
        this.targets = new FaceParams[plan.segments().size()];
        for (SegmentPlan s : plan.segments()) {
            FaceParams p = FaceParams.of(s.face(), subject.faceExpressiveness(), s.faceIntensity());
            targets[s.index()] = s.hesitationCue() == Modality.VIDEO ? p.withHesitation(1) : p;
        }
        this.syllables = plan.syllables();
    }

    /** The expression at time {@code t} seconds. */
    public FaceParams at(double t) {
        SegmentCrossfade mix = SegmentCrossfade.at(plan, t);
        FaceParams p = mix.steady() ? targets[mix.from()] : targets[mix.from()].lerp(targets[mix.to()], mix.weight());
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
}
