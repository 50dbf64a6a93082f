package org.mer4j.synth;

/**
 * How two neighbouring segments' targets mix at one moment: {@code value = target(from) * (1 - weight)
 * + target(to) * weight}. Away from boundaries {@code from == to} and the weight is 0; within
 * {@value #TRANSITION_SECONDS} s centred on a boundary the weight follows a smoothstep from 0 to 1.
 * The face ({@link ExpressionTimeline}) and the valence/arousal trace ({@link AffectTrace}) use
 * the same cross-fade, so the labelled trace moves when the face does.
 *
 * @param from index of the segment mixed with weight {@code 1 - weight}
 * @param to index of the segment mixed with weight {@code weight}
 * @param weight mixing weight in [0, 1]
 */
public record SegmentCrossfade(int from, int to, double weight) {
    /** Length of the cross-fade between two segments. */
    public static final double TRANSITION_SECONDS = 0.3;

    /** Whether only one segment's target applies. */
    public boolean steady() {
        return from == to;
    }

    /** The mix of {@code plan}'s segments at time {@code t} seconds. */
    public static SegmentCrossfade at(ClipPlan plan, double t) {
        SegmentPlan seg = plan.segmentAt(t);
        int i = seg.index();
        double half = TRANSITION_SECONDS / 2;
        if (i > 0 && t - seg.start() < half) {
            return new SegmentCrossfade(i - 1, i, smoothstep((t - seg.start() + half) / TRANSITION_SECONDS));
        }
        if (i + 1 < plan.segments().size() && seg.end() - t < half) {
            return new SegmentCrossfade(i, i + 1, smoothstep((t - seg.end() + half) / TRANSITION_SECONDS));
        }
        return new SegmentCrossfade(i, i, 0);
    }

    /** The mix of two scalar targets indexed by segment. */
    public double mix(double[] targets) {
        return steady() ? targets[from] : targets[from] * (1 - weight) + targets[to] * weight;
    }

    static double smoothstep(double x) {
        double c = Math.max(0, Math.min(1, x));
        return c * c * (3 - 2 * c);
    }
}
