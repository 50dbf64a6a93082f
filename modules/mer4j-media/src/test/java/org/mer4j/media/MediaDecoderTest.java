package org.mer4j.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mer4j.api.AudioChunk;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.VideoFrame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaDecoderTest {
    @TempDir
    static Path dir;
    static Path avMp4;
    static Path silentMp4;

    @BeforeAll
    static void writeFixtures() throws Exception {
        avMp4 = dir.resolve("av.mp4");
        TestMedia.writeMp4(avMp4, 160, 120, 25, 2.0, true);
        silentMp4 = dir.resolve("silent.mp4");
        TestMedia.writeMp4(silentMp4, 800, 400, 5, 1.0, false);
    }

    @Test
    void deliversSubsampledFramesAndResampledAudioInTimeOrder() throws Exception {
        RecordingSink sink = new RecordingSink();
        DecodeSummary s = new MediaDecoder().decode(TestMedia.source("av", avMp4, null),
                new DecodeConfig(10, 16000, 640), true, true, sink);
        // 2 s at 25 fps subsampled to 10 fps -> 20 frames
        assertEquals(20, sink.frames.size(), "frames at 10 fps");
        assertEquals(20, s.framesDelivered());
        assertEquals(25, s.sourceFps(), 0.01);
        assertEquals(160, s.width());
        assertEquals(120, s.height());
        assertEquals(2.0, s.audioSeconds(), 0.05, "audio seconds at 16 kHz");
        assertEquals(s.audioSeconds(), sink.samples / 16000.0, 1e-9);
        for (AudioChunk c : sink.chunks) {
            assertEquals(16000, c.sampleRate());
        }
        for (int i = 0; i < sink.frames.size(); i++) {
            VideoFrame f = sink.frames.get(i);
            assertEquals(i, f.index());
            assertEquals(i * 0.1, f.time(), 0.041, "frame " + i + " time");
        }
        for (int i = 1; i < sink.arrivalTimes.size(); i++) {
            assertTrue(sink.arrivalTimes.get(i) >= sink.arrivalTimes.get(i - 1) - 0.2, "items roughly in presentation order");
        }
        assertTrue(s.videoCodec().contains("264"), s.videoCodec());
        assertTrue(s.audioCodec().contains("aac"), s.audioCodec());
        // the BGR bytes are a real picture: blue channel ramps along x in frame 0
        VideoFrame f0 = sink.frames.get(0);
        int left = f0.bgr()[(60 * 160 + 10) * 3] & 0xff;
        int right = f0.bgr()[(60 * 160 + 150) * 3] & 0xff;
        assertTrue(right - left > 80, "blue ramp lost: left " + left + " right " + right);
    }

    @Test
    void downscalesWideFramesPreservingAspect() throws Exception {
        RecordingSink sink = new RecordingSink();
        DecodeSummary s = new MediaDecoder().decode(TestMedia.source("wide", silentMp4, null),
                new DecodeConfig(10, 16000, 400), true, false, sink);
        assertEquals(5, s.framesDelivered(), "source 5 fps below target: every frame kept");
        assertEquals(400, s.width());
        assertEquals(200, s.height());
        assertEquals(400 * 200 * 3, sink.frames.get(0).bgr().length);
        assertTrue(sink.chunks.isEmpty());
    }

    @Test
    void videoOnlyFileWantingAudioFailsWithNoAudioStream() {
        ClipFailedException e = assertThrows(ClipFailedException.class, () -> new MediaDecoder().decode(
                TestMedia.source("mute", silentMp4, null), DecodeConfig.defaults(), false, true, new RecordingSink()));
        assertEquals(MediaFailures.NO_AUDIO, e.reason());
        assertEquals("mute", e.clipId());
        assertTrue(e.getMessage().contains("silent.mp4"), e.getMessage());
    }

    @Test
    void audioOnlyFileWantingVideoFailsWithNoVideoStream() throws Exception {
        Path wav = dir.resolve("tone.wav");
        TestMedia.writeWav(wav, 48000, 0.5);
        ClipFailedException e = assertThrows(ClipFailedException.class, () -> new MediaDecoder().decode(
                TestMedia.source("wav", wav, null), DecodeConfig.defaults(), true, false, new RecordingSink()));
        assertEquals(MediaFailures.NO_VIDEO, e.reason());
    }

    @Test
    void corruptFileFailsWithUnreadableMedia() throws IOException {
        Path junk = dir.resolve("junk.mp4");
        byte[] bytes = new byte[20_000];
        new SplittableRandom(7).nextBytes(bytes);
        Files.write(junk, bytes);
        ClipFailedException e = assertThrows(ClipFailedException.class, () -> new MediaDecoder().decode(
                TestMedia.source("junk", junk, null), DecodeConfig.defaults(), true, true, new RecordingSink()));
        assertEquals(MediaFailures.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("junk.mp4"), e.getMessage());
    }

    @Test
    void missingFileFailsWithUnreadableMedia() {
        ClipFailedException e = assertThrows(ClipFailedException.class, () -> new MediaDecoder().decode(
                TestMedia.source("gone", dir.resolve("nope.mp4"), null), DecodeConfig.defaults(), true, false, new RecordingSink()));
        assertEquals(MediaFailures.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("nope.mp4"), e.getMessage());
    }

    @Test
    void separateAudioFileIsMergedWithTheVideoInTimeOrder() throws Exception {
        Path wav = dir.resolve("speech.wav");
        TestMedia.writeWav(wav, 48000, 1.0);
        RecordingSink sink = new RecordingSink();
        DecodeSummary s = new MediaDecoder().decode(TestMedia.source("split", silentMp4, wav),
                DecodeConfig.defaults(), true, true, sink);
        assertEquals(5, s.framesDelivered());
        assertEquals(1.0, s.audioSeconds(), 0.01);
        assertEquals("pcm_s16le", s.audioCodec());
        for (int i = 1; i < sink.arrivalTimes.size(); i++) {
            assertTrue(sink.arrivalTimes.get(i) >= sink.arrivalTimes.get(i - 1), "merged items out of order at " + i);
        }
    }

    @Test
    void probeReportsStreams() throws Exception {
        MediaInfo info = MediaProbe.probe(avMp4);
        assertTrue(info.hasVideo() && info.hasAudio());
        assertEquals(160, info.width());
        assertEquals(2.0, info.durationSeconds(), 0.15);
        MediaInfo mute = MediaProbe.probe(silentMp4);
        assertFalse(mute.hasAudio());
        assertThrows(IOException.class, () -> MediaProbe.probe(dir.resolve("absent.mp4")));
        assertTrue(FfmpegVersion.describe().startsWith("FFmpeg "), FfmpegVersion.describe());
    }

    @Test
    void configValidationNamesTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DecodeConfig(0, 16000, 640));
        assertTrue(e.getMessage().contains("decode.videoFps"));
        assertThrows(IllegalArgumentException.class, () -> new DecodeConfig(10, 100, 640));
        assertThrows(IllegalArgumentException.class, () -> new DecodeConfig(10, 16000, 2));
    }

    @Test
    void aFileCutShortIsDetectedAgainstItsDeclaredDuration() throws Exception {
        Path whole = dir.resolve("whole.mp4");
        TestMedia.writeMp4(whole, 64, 48, 10, 4.0, true, true);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.mp4");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        DecodeConfig cfg = DecodeConfig.defaults();

        DecodeSummary ok = new MediaDecoder().decode(TestMedia.source("whole", whole, null), cfg, true, true, new RecordingSink());
        assertEquals(1, ok.spans().size());
        assertEquals(4.0, ok.spans().get(0).declaredSeconds(), 0.05);
        assertTrue(ok.spans().get(0).ratio() > 0.97, ok.spans().toString());
        ok.checkComplete("whole", 0.9, "features.limits.minDecodedDurationRatio");

        DecodeSummary s = new MediaDecoder().decode(TestMedia.source("cut", cut, null), cfg, true, true, new RecordingSink());
        MediaSpan span = s.spans().get(0);
        assertEquals(4.0, span.declaredSeconds(), 0.05, "the header still declares the whole clip");
        assertTrue(span.decodedSeconds() < 2.5, span.toString());
        ClipFailedException e = assertThrows(ClipFailedException.class,
                () -> s.checkComplete("cut", 0.9, "features.limits.minDecodedDurationRatio"));
        assertEquals(MediaFailures.TRUNCATED, e.reason());
        assertTrue(e.getMessage().contains(cut.toString()) && e.getMessage().contains("declares 4.00 s of video+audio")
                && e.getMessage().contains("features.limits.minDecodedDurationRatio = 0.90"), e.getMessage());
        s.checkComplete("cut", 0, "features.limits.minDecodedDurationRatio"); // 0 turns the check off

        // video-only and audio-only passes over separate files each get their span
        DecodeSummary v = new MediaDecoder().decode(TestMedia.source("cutv", cut, null), cfg, true, false, new RecordingSink());
        assertEquals("video", v.spans().get(0).streams());
        assertThrows(ClipFailedException.class, () -> v.checkComplete("cutv", 0.9, "x"));
        Path wav = dir.resolve("ok.wav");
        TestMedia.writeWav(wav, 16000, 1.0);
        DecodeSummary two = new MediaDecoder().decode(TestMedia.source("two", silentMp4, wav), cfg, true, true, new RecordingSink());
        assertEquals(2, two.spans().size());
        two.checkComplete("two", 0.9, "x");
    }

    @Test
    void aCutWavIsCaughtByItsOwnHeaderThoughFfmpegClampsItsLength() throws Exception {
        Path whole = dir.resolve("speech.wav");
        TestMedia.writeWav(whole, 16000, 4.0);
        assertEquals(4.0, WavHeader.declaredSeconds(whole), 1e-3);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.wav");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(4.0, WavHeader.declaredSeconds(cut), 1e-3, "the header still declares 4 s");
        DecodeConfig cfg = DecodeConfig.defaults();
        DecodeSummary ok = new MediaDecoder().decode(TestMedia.source("whole", null, whole), cfg, false, true, new RecordingSink());
        ok.checkComplete("whole", 0.9, "features.limits.minDecodedDurationRatio");
        DecodeSummary s = new MediaDecoder().decode(TestMedia.source("cut", null, cut), cfg, false, true, new RecordingSink());
        ClipFailedException e = assertThrows(ClipFailedException.class,
                () -> s.checkComplete("cut", 0.9, "features.limits.minDecodedDurationRatio"));
        assertEquals(MediaFailures.TRUNCATED, e.reason());
        assertTrue(e.getMessage().contains("declares 4.00 s of audio"), e.getMessage());
        Path text = Files.writeString(dir.resolve("notes.txt"), "RIFF? no, just text");
        assertEquals(0, WavHeader.declaredSeconds(text), "not a WAV: no declared duration");
    }
}
