package org.mer4j.spark;

import java.io.Serializable;
import java.util.List;
import org.mer4j.features.ExtractionReport;
import org.mer4j.features.SkippedClip;

/**
 * The {@link ExtractionReport} of one partition, in a form that crosses the wire back to the driver.
 *
 * @param skipped per skipped clip: clip id, stage, reason, message
 * @param host the executor's host (for the driver's log)
 */
record PartitionReport(int clips, int extracted, int cached, List<String[]> skipped, int damagedCacheEntries, double seconds,
                       String host) implements Serializable {
    private static final long serialVersionUID = 1L;

    static PartitionReport of(ExtractionReport r, String host) {
        List<String[]> skipped = r.skipped().stream().map(s -> new String[] {s.clipId(), s.stage(), s.reason(), s.message()}).toList();
        return new PartitionReport(r.clips(), r.extracted(), r.cached(), new java.util.ArrayList<>(skipped), r.damagedCacheEntries(),
                r.seconds(), host);
    }

    List<SkippedClip> skippedClips() {
        return skipped.stream().map(s -> new SkippedClip(s[0], s[1], s[2], s[3])).toList();
    }
}
