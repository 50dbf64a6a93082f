package org.mer4j.media;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.mer4j.api.Clip;
import org.mer4j.api.ClipSource;

/** Writes tiny synthetic media files with FFmpegFrameRecorder (H.264 via libopenh264, AAC / PCM). */
final class TestMedia {
    private TestMedia() {
    }

    static ClipSource source(String id, Path video, Path audio) {
        return new ClipSource(new Clip(id, "s1", video == null ? null : video.getFileName().toString(),
                audio == null ? null : audio.getFileName().toString(), null, null, null), video, audio, null);
    }

    /** An mp4 of moving colour bars; with a 440 Hz tone at 44.1 kHz when {@code withAudio}. */
    static void writeMp4(Path file, int width, int height, double fps, double seconds, boolean withAudio) throws Exception {
        writeMp4(file, width, height, fps, seconds, withAudio, false);
    }

    /**
     * As above; with {@code faststart} the index (moov) is written before the media data, so a copy
     * cut short still opens and declares the full duration, like an interrupted download.
     */
    static void writeMp4(Path file, int width, int height, double fps, double seconds, boolean withAudio, boolean faststart)
            throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), width, height, withAudio ? 1 : 0);
             Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3)) {
            rec.setFormat("mp4");
            rec.setVideoCodecName("libopenh264");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(fps);
            rec.setVideoBitrate(400_000);
            if (faststart) {
                rec.setOption("movflags", "faststart");
            }
            if (withAudio) {
                rec.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                rec.setSampleRate(44100);
                rec.setAudioChannels(1);
                rec.setAudioBitrate(64_000);
            }
            rec.start();
            int frames = (int) Math.round(seconds * fps);
            int samplesPerFrame = (int) Math.round(44100 / fps);
            long sampleIndex = 0;
            for (int i = 0; i < frames; i++) {
                ByteBuffer buf = (ByteBuffer) frame.image[0];
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int p = y * frame.imageStride + x * 3;
                        buf.put(p, (byte) ((x + i * 4) & 0xff));
                        buf.put(p + 1, (byte) (y & 0xff));
                        buf.put(p + 2, (byte) (i * 10 & 0xff));
                    }
                }
                rec.record(frame, avutil.AV_PIX_FMT_BGR24);
                if (withAudio) {
                    float[] s = new float[samplesPerFrame];
                    for (int k = 0; k < s.length; k++, sampleIndex++) {
                        s[k] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * sampleIndex / 44100.0));
                    }
                    rec.recordSamples(44100, 1, FloatBuffer.wrap(s));
                }
            }
            rec.stop();
        }
    }

    /** A 16-bit PCM wav of a 220 Hz tone. */
    static void writeWav(Path file, int sampleRate, double seconds) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), 1)) {
            rec.setFormat("wav");
            rec.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S16LE);
            rec.setSampleRate(sampleRate);
            rec.setAudioChannels(1);
            rec.start();
            int n = (int) Math.round(seconds * sampleRate);
            float[] s = new float[n];
            for (int k = 0; k < n; k++) {
                s[k] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * k / (double) sampleRate));
            }
            rec.recordSamples(sampleRate, 1, FloatBuffer.wrap(s));
            rec.stop();
        }
    }
}
