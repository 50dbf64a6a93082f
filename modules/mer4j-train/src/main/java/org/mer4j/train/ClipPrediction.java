package org.mer4j.train;

/**
 * What a trained model says about one clip.
 *
 * @param clipId the clip
 * @param ahProb A/H probability of each step of the clip's timeline (length = clip steps)
 * @param emotionProb probability of each emotion class (index = label id of the model spec)
 */
public record ClipPrediction(String clipId, float[] ahProb, float[] emotionProb) {
    public ClipPrediction {
        if (clipId == null || ahProb == null || emotionProb == null) {
            throw new IllegalArgumentException("clip prediction needs a clip id, A/H probabilities and emotion probabilities");
        }
    }

    /** Index of the most probable emotion. */
    public int emotionArgmax() {
        int best = 0;
        for (int i = 1; i < emotionProb.length; i++) {
            if (emotionProb[i] > emotionProb[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Video-level A/H probability: mean of the step probabilities (0 for an empty clip). */
    public double ahVideoProb() {
        if (ahProb.length == 0) {
            return 0;
        }
        double sum = 0;
        for (float p : ahProb) {
            sum += p;
        }
        return sum / ahProb.length;
    }
}
