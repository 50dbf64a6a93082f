package org.mer4j.media;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.mer4j.api.AudioChunk;
import org.mer4j.api.ClipFailedException;
import org.mer4j.api.VideoFrame;

/**
 * Reads one media file with an {@link FFmpegFrameGrabber} configured for BGR24 images and mono
 * float audio at the target rate, and turns its frames into {@link DecodedItem}s: video frames
 * subsampled by timestamp, audio chunks timed by the samples already delivered.
 */
final class StreamReader implements AutoCloseable {
    private final String clipId;
    private final Path file;
    private final DecodeConfig cfg;
    private final boolean video;
    private final boolean audio;
    private final FFmpegFrameGrabber grabber;
    private double nextFrameTime;
    private int framesDelivered;
    private long samplesDelivered;
    private double audioStart = Double.NaN;
    private double lastImageTime = Double.NaN;
    private int width;
    private int height;

    StreamReader(String clipId, Path file, DecodeConfig cfg, boolean video, boolean audio) throws ClipFailedException {
        this.clipId = clipId;
        this.file = file;
        this.cfg = cfg;
        this.video = video;
        this.audio = audio;
        FfmpegLogs.silence();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        g.setSampleMode(FrameGrabber.SampleMode.FLOAT);
        g.setSampleRate(cfg.sampleRate());
        g.setAudioChannels(1);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(g);
            throw MediaFailures.unreadable(clipId, file, e);
        }
        this.grabber = g;
        if (!g.hasVideo() && !g.hasAudio()) {
            close();
            throw MediaFailures.unreadable(clipId, file, "FFmpeg found no audio or video stream");
        }
        if (video && !g.hasVideo()) {
            close();
            throw new ClipFailedException(clipId, MediaFailures.NO_VIDEO, "file " + file + " has no video stream;"
                    + " point the clip's 'video' field at a file with video or drop the visual extractors for this corpus");
        }
        if (audio && !g.hasAudio()) {
            close();
            throw new ClipFailedException(clipId, MediaFailures.NO_AUDIO, "file " + file + " has no audio stream;"
                    + " give the clip a separate 'audio' file in the manifest or drop the audio extractors for this corpus");
        }
        if (video) {
            scaleToMaxWidth(g);
        }
    }

    private void scaleToMaxWidth(FFmpegFrameGrabber g) {
        int w = g.getImageWidth();
        int h = g.getImageHeight();
        if (w > cfg.maxVideoWidth() && h > 0) {
            int newW = cfg.maxVideoWidth();
            int newH = Math.max(1, (int) Math.round(h * (double) newW / w));
            g.setImageWidth(newW);
            g.setImageHeight(newH);
        }
    }

    /** The next kept item, or null at the end of the file. */
    DecodedItem next() throws ClipFailedException {
        while (true) {
            Frame f;
            try {
                f = grabber.grabFrame(audio, video, true, false);
            } catch (FrameGrabber.Exception | RuntimeException e) {
                throw MediaFailures.unreadable(clipId, file, e);
            }
            if (f == null) {
                return null;
            }
            if (video && f.image != null && f.imageWidth > 0) {
                lastImageTime = Double.isNaN(lastImageTime) ? f.timestamp / 1e6 : Math.max(lastImageTime, f.timestamp / 1e6);
                DecodedItem item = videoItem(f);
                if (item != null) {
                    return item;
                }
            } else if (audio && f.samples != null) {
                float[] s = FrameCopies.monoSamples(f);
                if (s.length == 0) {
                    continue;
                }
                if (Double.isNaN(audioStart)) {
                    audioStart = Math.max(0, f.timestamp / 1e6);
                }
                double t = audioStart + samplesDelivered / (double) cfg.sampleRate();
                samplesDelivered += s.length;
                return DecodedItem.of(new AudioChunk(t, cfg.sampleRate(), s));
            }
        }
    }

    private DecodedItem videoItem(Frame f) {
        double t = Math.max(0, f.timestamp / 1e6);
        double fps = cfg.videoFps();
        if (t + 1e-6 < nextFrameTime) {
            return null;
        }
        nextFrameTime = (Math.floor(t * fps + 1e-6) + 1) / fps;
        width = f.imageWidth;
        height = f.imageHeight;
        VideoFrame vf = new VideoFrame(t, framesDelivered++, f.imageWidth, f.imageHeight, FrameCopies.packedBgr(f));
        return DecodedItem.of(vf);
    }

    /** What a WAV file's own header declares (FFmpeg clamps a cut data chunk to the file); 0 for other files. */
    private double wavDeclaredSeconds() {
        try {
            return WavHeader.declaredSeconds(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Declared against decoded duration of the streams this reader decodes (call after the last {@link #next}). */
    MediaSpan span() {
        double declared = 0;
        double decoded = 0;
        if (video) {
            declared = Math.max(declared, streamSeconds(grabber.getVideoStream()));
            double fps = grabber.getVideoFrameRate();
            if (!Double.isNaN(lastImageTime)) {
                decoded = Math.max(decoded, Math.max(0, lastImageTime) + (fps > 0 ? 1 / fps : 0));
            }
        }
        if (audio) {
            declared = Math.max(declared, Math.max(streamSeconds(grabber.getAudioStream()), wavDeclaredSeconds()));
            if (!Double.isNaN(audioStart)) {
                decoded = Math.max(decoded, audioStart + audioSeconds());
            }
        }
        return new MediaSpan(file, video && audio ? "video+audio" : video ? "video" : "audio", declared, decoded);
    }

    /** The declared duration of a stream, else of the container; 0 when neither is known. */
    private double streamSeconds(int index) {
        AVFormatContext oc = grabber.getFormatContext();
        if (oc != null && index >= 0 && index < oc.nb_streams()) {
            AVStream st = oc.streams(index);
            AVRational tb = st.time_base();
            if (st.duration() != avutil.AV_NOPTS_VALUE && st.duration() > 0 && tb != null && tb.den() > 0) {
                return st.duration() * (double) tb.num() / tb.den();
            }
        }
        return Math.max(0, grabber.getLengthInTime()) / 1e6;
    }

    int framesDelivered() {
        return framesDelivered;
    }

    double audioSeconds() {
        return samplesDelivered / (double) cfg.sampleRate();
    }

    double sourceFps() {
        return grabber.getVideoFrameRate();
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    String videoCodec() {
        String n = grabber.getVideoCodecName();
        return n == null ? "" : n;
    }

    String audioCodec() {
        String n = grabber.getAudioCodecName();
        return n == null ? "" : n;
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (Exception ignored) {
            // releasing native state of a failed grabber; nothing useful to report
        }
    }
}
