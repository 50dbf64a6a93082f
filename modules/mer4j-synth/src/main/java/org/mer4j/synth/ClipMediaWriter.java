package org.mer4j.synth;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.mer4j.api.AtomicFiles;

/**
 * Writes one clip's MP4: H.264 video (libopenh264 in JavaCV's LGPL FFmpeg, YUV420P) rendered frame
 * by frame with {@link FaceRenderer}, and mono ALAC audio (Apple Lossless) from
 * {@link SpeechSynthesizer}, interleaved per frame. Lossless audio makes the decoded samples, and so
 * every audio feature, the same on every machine: FFmpeg's AAC encoder and decoder compute in
 * floating point with CPU-specific SIMD kernels, and an AAC quickstart gave different audio features,
 * and tables, on two machines of one kind. Real corpora are still AAC; the decode path is the same. Frames are rendered, encoded and discarded one at a time. The file is written under a
 * temporary name and moved into place when complete.
 */
public final class ClipMediaWriter {
    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final SynthConfig cfg;

    public ClipMediaWriter(SynthConfig cfg) {
        this.cfg = cfg;
    }

    /** Renders {@code plan} for {@code subject} into {@code target} (an .mp4 path). */
    public void write(ClipPlan plan, SubjectProfile subject, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
        float[] audio = new SpeechSynthesizer(cfg.audioSampleRate()).render(plan);
        ExpressionTimeline face = new ExpressionTimeline(plan, subject);
        HeadMotion motion = new HeadMotion(new SplittableRandom(plan.renderSeed()));
        int frames = cfg.framesPerClip();
        try {
            try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), cfg.width(), cfg.height(), 1);
                 FaceRenderer renderer = new FaceRenderer(cfg.width(), cfg.height(), subject);
                 OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
                 Mat canvas = new Mat()) {
                configure(rec);
                rec.start();
                for (int i = 0; i < frames; i++) {
                    double t = i / (double) cfg.fps();
                    renderer.render(canvas, face.at(t), motion.at(t));
                    Frame frame = converter.convert(canvas);
                    rec.record(frame);
                    int from = (int) Math.round((long) i * cfg.audioSampleRate() / (double) cfg.fps());
                    int to = Math.min(audio.length, (int) Math.round((long) (i + 1) * cfg.audioSampleRate() / (double) cfg.fps()));
                    if (to > from) {
                        rec.recordSamples(cfg.audioSampleRate(), 1, FloatBuffer.wrap(audio, from, to - from));
                    }
                }
                rec.stop();
            } catch (FFmpegFrameRecorder.Exception e) {
                throw new IOException(target + ": FFmpeg could not encode clip " + plan.clipId() + " (" + e.getMessage()
                        + "); check that the JavaCV ffmpeg linux-x86_64 jar is on the class path and the size is even", e);
            }
            AtomicFiles.moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void configure(FFmpegFrameRecorder rec) {
        rec.setFormat("mp4");
        rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        rec.setFrameRate(cfg.fps());
        rec.setVideoBitrate(cfg.videoBitrate());
        rec.setGopSize(cfg.fps() * 2);
        rec.setAudioCodec(avcodec.AV_CODEC_ID_ALAC);
        rec.setSampleFormat(avutil.AV_SAMPLE_FMT_S16P);
        rec.setAudioChannels(1);
        rec.setSampleRate(cfg.audioSampleRate());
    }
}
