package org.mer4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;

class SyntheticAlignedClipsTest {

    @Test
    void sameSeedSameClipsAndLabelsFollowTheDocumentedStructure() {
        SyntheticClipsConfig cfg = SyntheticClipsConfig.small();
        List<AlignedClip> a = SyntheticAlignedClips.generate(cfg, 42);
        List<AlignedClip> b = SyntheticAlignedClips.generate(cfg, 42);
        assertEquals(16, a.size());
        double signalAtAh = 0;
        double signalElsewhere = 0;
        for (int i = 0; i < a.size(); i++) {
            AlignedClip clip = a.get(i);
            assertArrayEquals(clip.features().get(Modality.VIDEO), b.get(i).features().get(Modality.VIDEO));
            assertTrue(clip.steps() >= 20 && clip.steps() <= 40);
            boolean anyAh = false;
            for (int t = 0; t < clip.steps(); t++) {
                anyAh |= clip.labels().ahAt(clip.stepCentre(t));
                if (clip.masks().get(Modality.AUDIO)[t]) {
                    float v = clip.features().get(Modality.AUDIO)[t * 4];
                    if (clip.labels().ahAt(clip.stepCentre(t))) {
                        signalAtAh += v;
                    } else {
                        signalElsewhere += v;
                    }
                }
            }
            assertEquals(clip.labels().ahVideoLabel(), anyAh, "video label = has an A/H segment");
        }
        assertTrue(signalAtAh > 0 && signalElsewhere < 0, "feature 0 carries the A/H signal");
        assertTrue(!java.util.Arrays.equals(a.get(0).features().get(Modality.VIDEO),
                SyntheticAlignedClips.generate(cfg, 43).get(0).features().get(Modality.VIDEO)));
    }
}
