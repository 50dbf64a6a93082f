package org.mer4j.audio;

/** The framing of a hop-based extractor's config: seconds between rows and analysis window length. */
interface HopTiming {
    /** Seconds between rows. */
    double hopSeconds();

    /** Analysis window in seconds. */
    double windowSeconds();
}
