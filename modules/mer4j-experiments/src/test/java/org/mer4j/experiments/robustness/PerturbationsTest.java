package org.mer4j.experiments.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mer4j.api.AlignedClip;
import org.mer4j.api.Modality;

class PerturbationsTest {
    private static List<AlignedClip> clips() {
        List<AlignedClip> out = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            float[] audio = new float[4 * 3];
            float[] text = new float[4 * 2];
            boolean[] valid = {true, true, false, true};
            out.add(new AlignedClip("c" + c, "s", 2.5, 4, Map.of(Modality.AUDIO, audio, Modality.TEXT, text),
                    Map.of(Modality.AUDIO, 3, Modality.TEXT, 2), Map.of(Modality.AUDIO, valid, Modality.TEXT, valid.clone()), null));
        }
        return out;
    }

    @Test
    void noiseTouchesOnlyValidStepsOfTheModalityAndSparesTheTokenColumn() {
        List<AlignedClip> in = clips();
        List<AlignedClip> out = Perturbations.noisy(in, Modality.TEXT, 1.0, 1, 5);
        for (int c = 0; c < in.size(); c++) {
            float[] x = out.get(c).features().get(Modality.TEXT);
            for (int t = 0; t < 4; t++) {
                assertEquals(0f, x[t * 2 + 1], "token-id column " + t);
                if (t == 2) {
                    assertEquals(0f, x[t * 2], "masked step untouched");
                } else {
                    assertNotEquals(0f, x[t * 2], "valid step noised");
                }
            }
            assertSame(in.get(c).features().get(Modality.AUDIO), out.get(c).features().get(Modality.AUDIO), "other modalities shared");
            assertEquals(0f, in.get(c).features().get(Modality.TEXT)[0], "input clips unchanged");
        }
        assertArrayEquals(out.get(3).features().get(Modality.TEXT), Perturbations.noisy(in, Modality.TEXT, 1.0, 1, 5).get(3).features().get(Modality.TEXT));
        assertSame(in, Perturbations.noisy(in, Modality.TEXT, 0, 1, 5), "level 0 is the clean set");
    }

    @Test
    void missingDropsTheModalityFromTheGivenShareOfClips() {
        List<AlignedClip> in = clips();
        List<AlignedClip> out = Perturbations.missing(in, Modality.AUDIO, 0.3, 9);
        int dropped = 0;
        for (int c = 0; c < in.size(); c++) {
            boolean[] m = out.get(c).masks().get(Modality.AUDIO);
            if (!m[0] && !m[1] && !m[3]) {
                dropped++;
            }
            assertArrayEquals(in.get(c).masks().get(Modality.TEXT), out.get(c).masks().get(Modality.TEXT));
        }
        assertEquals(3, dropped);
        assertEquals(10, Perturbations.missing(in, Modality.AUDIO, 1.0, 9).stream().filter(c -> !c.masks().get(Modality.AUDIO)[0]).count());
    }
}
