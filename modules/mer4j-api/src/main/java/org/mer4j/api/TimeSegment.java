package org.mer4j.api;

/**
 * A stretch of a clip's timeline in seconds, {@code [start, end)}.
 *
 * @param start start time in seconds, at least 0
 * @param end end time in seconds, greater than start
 */
public record TimeSegment(double start, double end) {
    public TimeSegment {
        if (!(start >= 0) || !(end > start)) {
            throw new IllegalArgumentException("time segment needs 0 <= start < end, got [" + start + ", " + end + ")");
        }
    }

    /** Whether time {@code t} (seconds) lies inside this segment. */
    public boolean contains(double t) {
        return t >= start && t < end;
    }

    public double duration() {
        return end - start;
    }
}
