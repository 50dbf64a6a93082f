package org.mer4j.vision;

import java.util.List;
import org.mer4j.api.VideoFrame;

/** Real-data frames for tests in other packages (skips when the shared data is absent). */
public final class RealClip {
    private RealClip() {
    }

    /** Every {@code every}-th frame, at most {@code max}, of a shared-data video; skips the test when absent. */
    public static List<VideoFrame> frames(String relative, int every, int max) throws Exception {
        return TestFrames.decode(SharedData.require(relative), every, max);
    }
}
