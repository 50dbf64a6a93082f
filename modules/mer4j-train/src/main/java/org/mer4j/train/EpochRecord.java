package org.mer4j.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one training epoch of {@link FusionTrainer} measured, kept as numbers (not only as a log
 * line) so learning curves can be drawn from the run folder: {@code history.csv}.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training loss over the epoch's clips
 * @param validation the tasks' metrics plus {@link FusionTrainer#VAL_LOSS} on the validation clips, in the
 *     tasks' key order (empty without validation clips)
 * @param seconds wall time of the epoch including validation
 */
public record EpochRecord(int epoch, double trainLoss, Map<String, Double> validation, double seconds) {
    public EpochRecord {
        validation = validation == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(validation));
    }
}
