package org.mer4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;

class ModalityDropoutTest {
    private static final List<AlignedClip> CLIPS = SyntheticAlignedClips.generate(SyntheticClipsConfig.small(), 4);

    private static boolean present(AlignedClip c, Modality m) {
        for (boolean b : c.masks().get(m)) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    @Test
    void dropsAtTheConfiguredRateAndAlwaysKeepsAModality() {
        int dropped = 0;
        int total = 0;
        Random random = new Random(1);
        for (int epoch = 0; epoch < 50; epoch++) {
            List<AlignedClip> out = ModalityDropout.apply(CLIPS, 0.3, random);
            assertEquals(CLIPS.size(), out.size());
            for (int i = 0; i < out.size(); i++) {
                AlignedClip c = out.get(i);
                assertEquals(CLIPS.get(i).clipId(), c.clipId(), "order is kept");
                assertTrue(present(c, Modality.VIDEO) || present(c, Modality.AUDIO), "a clip keeps at least one modality");
                for (Modality m : List.of(Modality.VIDEO, Modality.AUDIO)) {
                    total++;
                    if (!present(c, m)) {
                        dropped++;
                    } else {
                        assertArrayEquals(CLIPS.get(i).masks().get(m), c.masks().get(m), "a kept modality keeps its mask");
                    }
                    assertSame(CLIPS.get(i).features().get(m), c.features().get(m), "features are not copied");
                }
            }
        }
        double rate = dropped / (double) total;
        // p = 0.3 per modality, minus the both-dropped case that keeps one (0.09 / 2): about 0.255
        assertTrue(rate > 0.21 && rate < 0.30, "dropped share " + rate);
    }

    @Test
    void sameSeedSameDropsAndZeroIsOff() {
        List<AlignedClip> a = ModalityDropout.apply(CLIPS, 0.5, new Random(7));
        List<AlignedClip> b = ModalityDropout.apply(CLIPS, 0.5, new Random(7));
        for (int i = 0; i < a.size(); i++) {
            for (Modality m : List.of(Modality.VIDEO, Modality.AUDIO)) {
                assertArrayEquals(a.get(i).masks().get(m), b.get(i).masks().get(m));
            }
        }
        assertSame(CLIPS, ModalityDropout.apply(CLIPS, 0, new Random(7)));
    }
}
