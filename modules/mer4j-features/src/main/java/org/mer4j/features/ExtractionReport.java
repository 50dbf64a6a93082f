package org.mer4j.features;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Outcome of an extraction pass: how many clips were computed, found in the cache, or skipped and why.
 *
 * @param clips clips in the manifest
 * @param extracted clips with at least one track computed in this pass
 * @param cached clips whose tracks were all in the store
 * @param skipped clips that failed, with their reason
 * @param seconds wall-clock seconds
 */
public record ExtractionReport(int clips, int extracted, int cached, List<SkippedClip> skipped, int damagedCacheEntries,
                               double seconds) {
    public ExtractionReport {
        skipped = List.copyOf(skipped);
    }

    /** Skipped clips counted per reason. */
    public Map<String, Integer> skippedByReason() {
        Map<String, Integer> counts = new TreeMap<>();
        skipped.forEach(s -> counts.merge(s.reason(), 1, Integer::sum));
        return counts;
    }

    public String summaryLine() {
        return String.format("extraction: %d clips, %d extracted, %d from cache, %d skipped %s, %d damaged cache entries recomputed"
                + " in %.1f s", clips, extracted, cached, skipped.size(), skippedByReason(), damagedCacheEntries, seconds);
    }
}
