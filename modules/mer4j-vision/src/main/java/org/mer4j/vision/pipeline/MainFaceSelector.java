package org.mer4j.vision.pipeline;

import java.util.List;
import org.mer4j.vision.face.FaceDetection;

/**
 * Picks the main face when a detector returns several. Each candidate gets
 * <pre>
 *   size       = area / largest area among the candidates        (0..1]
 *   centrality = 1 - distance(box centre, frame centre) / half diagonal   [0..1]
 *   continuity = IoU(box, previous main face box), 0 without a previous one [0..1]
 *   score      = 1.0 * size + 0.5 * centrality + 2.0 * continuity
 * </pre>
 * and the highest score wins (ties: the earlier candidate, i.e. the detector's better one).
 * Continuity dominates on purpose: once a person is followed, a bystander who is briefly larger
 * or more central does not steal the track; without history the largest, most central face wins,
 * which for interview and webcam recordings is the participant.
 */
public final class MainFaceSelector {
    /** Weight of the relative size term. */
    public static final double SIZE_WEIGHT = 1.0;
    /** Weight of the centrality term. */
    public static final double CENTRE_WEIGHT = 0.5;
    /** Weight of the overlap with the previous main face. */
    public static final double CONTINUITY_WEIGHT = 2.0;

    private MainFaceSelector() {
    }

    /**
     * Index of the main face in {@code candidates}, or -1 when the list is empty.
     *
     * @param previous the main face of the previous frame, or null
     */
    public static int select(List<FaceDetection> candidates, int frameWidth, int frameHeight, FaceDetection previous) {
        if (candidates.isEmpty()) {
            return -1;
        }
        double maxArea = 0;
        for (FaceDetection d : candidates) {
            maxArea = Math.max(maxArea, d.area());
        }
        double halfDiag = 0.5 * Math.hypot(frameWidth, frameHeight);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates.size(); i++) {
            FaceDetection d = candidates.get(i);
            double size = d.area() / maxArea;
            double dist = Math.hypot(d.centerX() - frameWidth / 2.0, d.centerY() - frameHeight / 2.0);
            double centrality = Math.max(0, 1 - dist / halfDiag);
            double continuity = previous == null ? 0 : iou(d, previous);
            double score = SIZE_WEIGHT * size + CENTRE_WEIGHT * centrality + CONTINUITY_WEIGHT * continuity;
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    /** Intersection over union of two boxes. */
    public static double iou(FaceDetection p, FaceDetection q) {
        double x0 = Math.max(p.x(), q.x());
        double y0 = Math.max(p.y(), q.y());
        double x1 = Math.min(p.x() + p.width(), q.x() + q.width());
        double y1 = Math.min(p.y() + p.height(), q.y() + q.height());
        double inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
        double union = p.area() + q.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
