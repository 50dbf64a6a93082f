package org.mer4j.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.ExtractionSession;
import org.mer4j.api.FeatureExtractorProvider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HopFramerTest {

    @Test
    void windowsStartEveryHopAcrossChunkBoundariesAndTailIsPadded() {
        HopFramer f = new HopFramer(4, 2);
        List<float[]> out = new ArrayList<>();
        float[] all = new float[11];
        for (int i = 0; i < all.length; i++) {
            all[i] = i + 1;
        }
        f.add(java.util.Arrays.copyOfRange(all, 0, 3), (k, w) -> out.add(w.clone()));
        f.add(java.util.Arrays.copyOfRange(all, 3, 11), (k, w) -> out.add(w.clone()));
        f.finish((k, w) -> out.add(w.clone()));
        assertEquals(6, out.size(), "ceil(11 / 2) windows");
        assertArrayEquals(new float[] {1, 2, 3, 4}, out.get(0));
        assertArrayEquals(new float[] {3, 4, 5, 6}, out.get(1));
        assertArrayEquals(new float[] {7, 8, 9, 10}, out.get(3));
        assertArrayEquals(new float[] {9, 10, 11, 0}, out.get(4));
        assertArrayEquals(new float[] {11, 0, 0, 0}, out.get(5));
    }

    @Test
    void providersAreRegisteredForServiceLoader() {
        List<String> names = new ArrayList<>();
        for (FeatureExtractorProvider<?> p : ServiceLoader.load(FeatureExtractorProvider.class)) {
            names.add(p.name());
            assertTrue(createDefault(p).needsAudio());
        }
        assertTrue(names.containsAll(List.of("prosody", "mfcc")), names.toString());
    }

    private static <C extends Record> org.mer4j.api.FeatureExtractor createDefault(FeatureExtractorProvider<C> p) {
        return p.create(p.defaultConfig());
    }

    @Test
    void sessionWithoutAudioFailsWithNoAudio() {
        ExtractionSession s = new ProsodyExtractor(ProsodyConfig.defaults()).open(Signals.source("quiet"));
        ClipFailedException e = assertThrows(ClipFailedException.class, s::finish);
        assertEquals("no-audio", e.reason());
    }
}
