package org.mer4j.experiments.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.AudioChunk;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipSource;
import org.mer4j.api.Manifest;
import org.mer4j.api.ManifestException;
import org.mer4j.api.VideoFrame;
import org.mer4j.media.DecodeConfig;
import org.mer4j.media.DecodeSummary;
import org.mer4j.media.MediaDecoder;
import org.mer4j.media.MediaSink;

class RavdessAdapterTest {

    @Test
    void oneClipPerRecordingPairsTheFullAvVideoWithTheAudioOnlyWav(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("ravdess", dir);
        Manifest m = DatasetAdapters.load().get("ravdess").load(root, dir.resolve("work"), Map.of());
        Map<String, Clip> c = AdapterFixtures.byId(m);
        assertEquals(List.of("01-01-01-01-01-01", "01-04-01-01-02-02", "01-05-01-02-01-01", "01-08-02-01-01-02"),
                m.clips().stream().map(Clip::id).toList(), "speech only by default; the song recording is left out");
        Clip angry = c.get("01-05-01-02-01-01");
        assertEquals("Video_Speech_Actor_01/Actor_01/01-01-05-01-02-01-01.mp4", angry.video(),
                "the full-AV mp4, not the video-only copy of the same take");
        assertEquals("Actor_01/03-01-05-01-02-01-01.wav", angry.audio());
        assertEquals("Actor_01", angry.subject());
        assertEquals("angry", angry.labels().emotion());
        assertEquals(Map.of("gender", "male", "vocalChannel", "speech", "intensity", "normal", "statement", "02",
                "text", "Dogs are sitting by the door", "repetition", "01", "modality", "full-av+audio-only"), angry.metadata());
        Clip surprised = c.get("01-08-02-01-01-02");
        assertNull(surprised.video());
        assertEquals("Actor_02", surprised.subject());
        assertEquals("female", surprised.metadata().get("gender"), "even actors are female");
        assertEquals("strong", surprised.metadata().get("intensity"));
        assertEquals("Kids are talking by the door", surprised.metadata().get("text"));
        Clip sad = c.get("01-04-01-01-02-02");
        assertEquals("Video_Speech_Actor_02/Actor_02/02-01-04-01-01-02-02.mp4", sad.video());
        assertNull(sad.audio(), "a video-only take without its wav has no sound");
        assertEquals("video-only", sad.metadata().get("modality"));
        assertEquals(Map.of("emotion", List.of("neutral", "sad", "angry", "surprised")), m.classes(), "documented order, classes present");
        AdapterFixtures.assertValidates(m, dir);
    }

    @Test
    void mediaAndVocalChannelOptionsSelectFiles(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("ravdess", dir);
        RavdessAdapter a = new RavdessAdapter();
        Manifest videoOnly = a.load(root, dir, Map.of("media", "video-only"));
        assertEquals(List.of("Video_Speech_Actor_02/Actor_02/02-01-04-01-01-02-02.mp4",
                "Video_Speech_Actor_01/Actor_01/02-01-05-01-02-01-01.mp4"), videoOnly.clips().stream().map(Clip::video).toList());
        assertTrue(videoOnly.clips().stream().allMatch(x -> x.audio() == null));
        Manifest audio = a.load(root, dir, Map.of("media", "audio-only"));
        assertEquals(3, audio.clips().size());
        assertTrue(audio.clips().stream().allMatch(x -> x.video() == null && x.audio().endsWith(".wav")));
        Manifest song = a.load(root, dir, Map.of("vocalChannel", "song"));
        Clip s = song.clips().get(0);
        assertEquals(1, song.clips().size());
        assertEquals("02-03-02-01-02-01", s.id());
        assertEquals("Video_Song_Actor_01/Actor_01/01-02-03-02-01-02-01.mp4", s.video());
        assertEquals("Actor_01/03-02-03-02-01-02-01.wav", s.audio());
        assertEquals("song", s.metadata().get("vocalChannel"));
        assertEquals("02", s.metadata().get("repetition"));
        assertEquals(5, a.load(root, dir, Map.of("vocalChannel", "both")).clips().size());
        Manifest fullAv = a.load(root, dir, Map.of("media", "full-av", "vocalChannel", "both"));
        assertEquals(2, fullAv.clips().size());
        AdapterFixtures.assertValidates(fullAv, dir);
    }

    @Test
    void badOptionsAndDamagedNamesFailNamingTheProblem(@TempDir Path dir) throws Exception {
        Path root = AdapterFixtures.copy("ravdess", dir);
        RavdessAdapter a = new RavdessAdapter();
        ManifestException key = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of("modality", "audio-only")));
        assertTrue(key.getMessage().contains("'modality'") && key.getMessage().contains("[media, vocalChannel]"), key.getMessage());
        ManifestException value = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of("vocalChannel", "speach")));
        assertTrue(value.getMessage().contains("speach") && value.getMessage().contains("[speech, song, both]"), value.getMessage());

        Path bad = root.resolve("Actor_02/03-01-01-02-01-01-02.wav");
        Files.writeString(bad, "");
        ManifestException strongNeutral = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of()));
        assertTrue(strongNeutral.getMessage().contains("03-01-01-02-01-01-02.wav") && strongNeutral.getMessage().contains("no strong neutral"),
                strongNeutral.getMessage());
        Files.move(bad, root.resolve("Actor_02/03-01-09-01-01-01-02.wav"));
        ManifestException emotion = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of()));
        assertTrue(emotion.getMessage().contains("(emotion) is 09") && emotion.getMessage().contains("01..08"), emotion.getMessage());
        Files.delete(root.resolve("Actor_02/03-01-09-01-01-01-02.wav"));

        Files.copy(root.resolve("Actor_01/03-01-05-01-02-01-01.wav"), root.resolve("Actor_02/03-01-05-01-02-01-01.wav"));
        ManifestException folder = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of()));
        assertTrue(folder.getMessage().contains("folder Actor_02") && folder.getMessage().contains("Actor_01"), folder.getMessage());
        Files.createDirectories(root.resolve("copy/Actor_01"));
        Files.move(root.resolve("Actor_02/03-01-05-01-02-01-01.wav"), root.resolve("copy/Actor_01/03-01-05-01-02-01-01.wav"));
        ManifestException twice = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of()));
        assertTrue(twice.getMessage().contains("unpacked twice"), twice.getMessage());
        Files.delete(root.resolve("copy/Actor_01/03-01-05-01-02-01-01.wav"));

        Files.writeString(root.resolve("Actor_01/notes.wav"), "");
        ManifestException foreign = assertThrows(ManifestException.class, () -> a.load(root, dir, Map.of()));
        assertTrue(foreign.getMessage().contains("notes.wav") && foreign.getMessage().contains("MM-VV-EE-II-SS-RR-AA"), foreign.getMessage());
    }

    @Test
    void theSharedRavdessTakeIsOneClipWithVideoAndWav(@TempDir Path dir) throws Exception {
        Path clips = Path.of(System.getProperty("mer4j.shared.data", "../shared/data")).resolve("av-clips");
        assumeTrue(Files.isRegularFile(clips.resolve("01-01-08-02-01-01-19.mp4")), "skipped: RAVDESS take not found at "
                + clips.toAbsolutePath() + " (../shared/data/av-clips is optional)");
        Manifest m = new RavdessAdapter().load(clips, dir, Map.of());
        assertEquals(1, m.clips().size());
        Clip c = m.clips().get(0);
        assertEquals("01-08-02-01-01-19", c.id());
        assertEquals("01-01-08-02-01-01-19.mp4", c.video());
        assertEquals("03-01-08-02-01-01-19.wav", c.audio());
        assertEquals("surprised", c.labels().emotion());
        assertEquals("Actor_19", c.subject());
        assertEquals("male", c.metadata().get("gender"));
        assertEquals("Kids are talking by the door", c.metadata().get("text"));
        AdapterFixtures.assertValidates(m, dir);
        // the pair decodes as one clip: frames from the (silent) mp4, samples from the wav
        int[] frames = {0};
        DecodeSummary s = new MediaDecoder().decode(new ClipSource(c, m.resolve(c.video()), m.resolve(c.audio()), null),
                new DecodeConfig(5, 16000, 320), true, true, new MediaSink() {
                    @Override
                    public void onVideoFrame(VideoFrame frame) {
                        frames[0]++;
                    }

                    @Override
                    public void onAudio(AudioChunk chunk) {
                    }
                });
        assertTrue(s.framesDelivered() >= 18 && s.framesDelivered() == frames[0], "about 4 s at 5 fps: " + s.framesDelivered());
        assertTrue(s.audioSeconds() > 3.5, "the wav's speech: " + s.audioSeconds() + " s");
    }
}
